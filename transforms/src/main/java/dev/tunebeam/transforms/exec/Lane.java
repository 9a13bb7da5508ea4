package dev.tunebeam.transforms.exec;

import org.apache.beam.sdk.annotations.Internal;

/**
 * What a {@link TrialExecutor} may tell while it runs a group, from the lane's own thread: the
 * trainer's output (its {@code @progress} lines move the progress line and the ETA) and counts for
 * the pipeline's metrics, which the stage's DoFn adds on its own thread (Beam counters belong to
 * it).
 */
@Internal
public interface Lane {
  /** Which of the executor's lanes this is, from 0. */
  int index();

  /** One line of the trainer's output. */
  void line(String line);

  /** Adds {@code n} to the counter {@code name} in the executor's namespace. */
  void count(String name, long n);

  /**
   * Other lanes of this executor that hold no group while no group waits for one: their cores would
   * idle until this group ends (a rung's or a study's last group), so the executor may spread this
   * group over them (more compute threads). 0 while any group waits. A hint read when asked; the
   * executor still claims the cores it takes.
   */
  default int idleLanes() {
    return 0;
  }

  /**
   * Says that this group keeps {@code lanes} more lanes' cores busy until it ends, so the run's
   * utilisation counts them.
   */
  default void borrow(int lanes) {}

  /** A lane that drops what it is told: for running an executor outside a study. */
  static Lane detached() {
    return new Lane() {
      @Override
      public int index() {
        return 0;
      }

      @Override
      public void line(String line) {}

      @Override
      public void count(String name, long n) {}
    };
  }
}
