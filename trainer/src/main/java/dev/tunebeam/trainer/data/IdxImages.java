package dev.tunebeam.trainer.data;

/** Images read from an IDX file: {@code count} images of {@code rows x cols} unsigned bytes. */
public record IdxImages(int count, int rows, int cols, byte[] pixels, int declaredCount) {}
