package dev.tunebeam.trainer.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Updates a run of models' parameters, one model per row of {@code [rows, SIZE]}, in place. Each
 * row's update reads only that row's gradient and state, so a model trained in a fused group
 * follows exactly the trajectory it would follow alone.
 *
 * <p>This is not DJL's {@code Optimizer}: that keys state by parameter name and creates it lazily
 * inside the step, where a per-step memory scope would free it. Here state is allocated once, up
 * front, in the manager that owns the parameters.
 */
public interface RowOptimizer {
  /** Called with gradient recording off; temporaries belong to the caller's scope. */
  void step(NDArray weights, NDArray gradients);

  /**
   * The arrays kept between steps, each {@code [rows, SIZE]}; a checkpoint saves and restores them
   * in place.
   */
  List<NDArray> state();

  /** Steps taken so far (Adam's bias correction depends on it). */
  default int steps() {
    return 0;
  }

  /** Continues the step count of a restored state. */
  default void restoreSteps(int steps) {}
}
