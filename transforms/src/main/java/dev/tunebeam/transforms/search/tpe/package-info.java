/**
 * The tree-structured Parzen estimator ({@code algorithm: tpe}, {@code trials}, {@code batch}):
 * good and bad trials modelled by Parzen densities, the next points drawn to maximise their ratio.
 * Entry class {@link dev.tunebeam.transforms.search.tpe.TpeSearch} (settings record {@link
 * dev.tunebeam.transforms.search.tpe.TpeSettings}) plans rounds (the shared {@link
 * dev.tunebeam.transforms.search.RoundsSearch}); {@link
 * dev.tunebeam.transforms.search.tpe.TpeSampler} is its proposer, Optuna's default univariate TPE,
 * with {@link dev.tunebeam.transforms.search.tpe.ParzenEstimator} for ranges; with several
 * objectives the good trials are chosen as Optuna's MOTPE chooses them ({@link
 * dev.tunebeam.transforms.search.tpe.MotpeSplit}, {@link
 * dev.tunebeam.transforms.search.tpe.Hypervolume}).
 *
 * <p>Decision: a round is a fixed batch, not an asynchronous stream of suggestions, so it can be
 * unrolled; its points are proposed one after another with the earlier ones counted as the worst
 * result (the constant liar), so a round spreads out instead of repeating one point.
 */
package dev.tunebeam.transforms.search.tpe;
