package dev.tunebeam.transforms.local;

import java.io.Serializable;

/**
 * How {@link TrainLocally} runs: where artifacts go, which data and device, how many worker
 * processes (0: one per core, or one when a GPU is visible) with how many compute threads each
 * (0: cores / workers), and how wide trials fuse. {@code inProcess} trains inside the pipeline's
 * JVM instead, one group at a time.
 */
public record LocalSettings(
    String outputDirectory,
    String dataDirectory,
    String device,
    int workers,
    int threadsPerWorker,
    int maxFuse,
    boolean inProcess,
    boolean resume,
    String workerHeap) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_FUSE = 9;

  static LocalSettings defaults() {
    return new LocalSettings(null, null, "auto", 0, 0, DEFAULT_MAX_FUSE, false, true, "2g");
  }
}
