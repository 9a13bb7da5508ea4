/**
 * Successive halving ({@code algorithm: halving}, {@code eta}, {@code min_epochs}, {@code
 * samples}): rungs of {@code eta}-fold fewer trials trained for {@code eta}-fold more epochs, the
 * survivors continuing from their checkpoints. Entry class {@link
 * dev.tunebeam.transforms.search.halving.SuccessiveHalving}, with its settings record {@link
 * dev.tunebeam.transforms.search.halving.HalvingSettings}; Hyperband builds its brackets from the
 * same rung arithmetic.
 *
 * <p>Decision: rungs are synchronous barriers whose sizes follow from eta, so the whole bracket is
 * known before anything trains; promotion ranks on the history cut at the rung's epoch, ties by
 * trial id, so it is deterministic.
 */
package dev.tunebeam.transforms.search.halving;
