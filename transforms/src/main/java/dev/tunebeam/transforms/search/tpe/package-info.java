/**
 * The tree-structured Parzen estimator: good and bad trials modelled by Parzen densities, the next
 * points drawn to maximise their ratio ({@code TpeSampler}, the entry class).
 *
 * <p>Decision: a round's points are proposed one after another with the earlier ones counted as the
 * worst result (the constant liar), so a round spreads out instead of repeating one point.
 */
package dev.tunebeam.transforms.search.tpe;
