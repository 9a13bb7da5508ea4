package dev.tunebeam.transforms.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.annotations.Internal;

/**
 * One trainer worker JVM started exactly as a lane starts its {@link WarmWorker}, for tools that
 * measure one directly (the bench module's warm-worker benchmark compares a warm worker's epochs
 * with a fresh JVM's). It never retires itself: a measurement sees every job's pace.
 */
@Internal
public final class WarmWorkerProbe implements AutoCloseable {
  private final WarmWorker worker;

  private WarmWorkerProbe(WarmWorker worker) {
    this.worker = worker;
  }

  /**
   * A new worker with a {@code heap} such as {@code 2g}; {@code workerMemory} false leaves out
   * {@link WorkerMemory}'s allocator settings (glibc's defaults: how workers ran before them).
   */
  public static WarmWorkerProbe start(String heap, boolean workerMemory) throws IOException {
    return new WarmWorkerProbe(
        WarmWorker.start(
            heap,
            List.of(),
            workerMemory ? WorkerMemory::applyTo : env -> {},
            new WorkerPace(0, 0)));
  }

  /** The worker's process id. */
  public long pid() {
    return worker.handle().pid();
  }

  /**
   * Trains the trainer group file {@code groupFile} ({@code {"members":[{"args":[...]}]}}) with
   * {@code threads} compute threads; returns the job's exit code (0: trained), its output lines
   * going to {@code lines}.
   */
  public int train(Path groupFile, int threads, Path outcomeFile, Consumer<String> lines)
      throws IOException {
    return worker.train(groupFile, threads, outcomeFile, 0, lines).code();
  }

  @Override
  public void close() {
    worker.close();
  }
}
