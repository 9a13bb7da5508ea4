/**
 * Hyperband ({@code algorithm: hyperband}, {@code eta}, {@code min_epochs}): brackets of successive
 * halving with different starting budgets, each on its own random points. Entry class {@link
 * dev.tunebeam.transforms.search.hyperband.Hyperband}, with its settings record {@link
 * dev.tunebeam.transforms.search.hyperband.HyperbandSettings}.
 *
 * <p>Decision: brackets are independent, so they run as parallel branches of one graph, flattened
 * into one collection, rather than one after another.
 */
package dev.tunebeam.transforms.search.hyperband;
