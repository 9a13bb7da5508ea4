/**
 * The Tree-structured Parzen Estimator ({@code algorithm: tpe}, {@code trials}, {@code batch}):
 * {@link dev.tunebeam.transforms.search.tpe.TpeSearch} with {@link
 * dev.tunebeam.transforms.search.tpe.TpeSettings} plans rounds ({@link
 * dev.tunebeam.transforms.search.tpe.TpeRounds}); {@link
 * dev.tunebeam.transforms.search.tpe.TpeSampler} is its proposer, Optuna's default univariate TPE,
 * with {@link dev.tunebeam.transforms.search.tpe.ParzenEstimator} for ranges. A round is a fixed
 * batch, not an asynchronous stream of suggestions, so it can be unrolled.
 */
package dev.tunebeam.transforms.search.tpe;
