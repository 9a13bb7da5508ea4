/**
 * Bayesian optimisation with a Gaussian process ({@code algorithm: gp}, {@code trials}, {@code
 * batch}).
 *
 * <p>Entry classes: {@link dev.tunebeam.transforms.search.gp.GpSearch} with {@link
 * dev.tunebeam.transforms.search.gp.GpSettings} plans rounds ({@code RoundsSearch}: a random round
 * 0, then rounds of {@code batch}); {@link dev.tunebeam.transforms.search.gp.GpSampler} is its
 * proposer, turning the finished trials and the round's pending points into the next point. Behind
 * it, one class per piece: {@code UnitCube} (parameters as coordinates of the unit cube: log ranges
 * in their logarithm, grids of allowed values, categories as indices, absent conditional parameters
 * at a fixed value), {@link dev.tunebeam.transforms.search.gp.Matern52} (the kernel, one length
 * scale per input, categories compared for equality), {@link
 * dev.tunebeam.transforms.search.gp.GaussianProcess} (the posterior by Cholesky), {@link
 * dev.tunebeam.transforms.search.gp.HyperparameterFit} (length scales, amplitude and noise by
 * maximising the marginal likelihood times a prior), {@link
 * dev.tunebeam.transforms.search.gp.LogExpectedImprovement} (the acquisition function, stable far
 * from the incumbent) and {@code AcquisitionOptimizer} (quasi-random candidates, then local
 * search).
 *
 * <p>The decisions: the method is the one Vizier, Ax/BoTorch and Optuna's {@code GPSampler} share
 * (Matern-5/2 with ARD, a MAP fit, log expected improvement), because it is the best-studied
 * default at the budgets a training study has (tens of trials); the linear algebra, the
 * quasi-random sequence, the optimisers and the continued fraction come from commons-math3 rather
 * than being written here; everything is seeded by the caller's generator, so a study's proposals
 * repeat exactly. A round of several points is proposed one point at a time, each earlier one
 * believed at its predicted value (Kriging believer), so a round spreads out without training
 * anything twice.
 */
package dev.tunebeam.transforms.search.gp;
