/**
 * Successive halving ({@code algorithm: halving}, {@code eta}, {@code min_epochs}, {@code
 * samples}): {@link dev.tunebeam.transforms.search.halving.SuccessiveHalving} with {@link
 * dev.tunebeam.transforms.search.halving.HalvingSettings}. Rungs are synchronous barriers whose
 * sizes follow from eta, so the whole bracket is known before anything trains; Hyperband builds its
 * brackets from the same rung arithmetic.
 */
package dev.tunebeam.transforms.search.halving;
