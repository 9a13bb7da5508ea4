/**
 * Hyperband ({@code algorithm: hyperband}, {@code eta}, {@code min_epochs}): {@link
 * dev.tunebeam.transforms.search.hyperband.Hyperband} with {@link
 * dev.tunebeam.transforms.search.hyperband.HyperbandSettings}: one successive-halving bracket per
 * starting budget, side by side in one pipeline, each on its own random points.
 */
package dev.tunebeam.transforms.search.hyperband;
