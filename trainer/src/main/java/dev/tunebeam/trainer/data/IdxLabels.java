package dev.tunebeam.trainer.data;

/** Labels read from an IDX file, one byte (0..9) per item. */
public record IdxLabels(byte[] labels, int declaredCount) {
  public int count() {
    return labels.length;
  }
}
