/**
 * Hyperband: brackets of successive halving with different starting budgets, run as parallel
 * branches of one graph.
 *
 * <p>Decision: brackets are independent, so they are flattened into one collection rather than run
 * one after another.
 */
package dev.tunebeam.transforms.search.hyperband;
