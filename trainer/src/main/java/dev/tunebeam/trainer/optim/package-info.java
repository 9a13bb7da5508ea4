/**
 * Optimizers with PyTorch's semantics ({@code Sgd}, {@code Adam}, {@code RmsProp}, behind {@code
 * RowOptimizer}; {@code OptimizerKind} names them).
 *
 * <p>Decision: DJL's PyTorch engine does not implement RMSprop, and optimizer state must outlive
 * DJL's per-step memory scopes, so the trainer updates parameters itself.
 */
package dev.tunebeam.trainer.optim;
