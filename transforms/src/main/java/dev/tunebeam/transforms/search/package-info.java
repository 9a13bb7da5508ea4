/**
 * Search algorithms and their schedules: a schedule is planned from the space before anything runs
 * ({@code Schedule}) and unrolled into the graph ({@code RunSchedule}, the entry class).
 *
 * <p>Decision: a Beam graph has no loops, so every schedule (rungs, rounds) is sized when the
 * pipeline is built and unrolled; promotions depend only on the space, the seed and the results,
 * never on timing, so a rerun reuses every finished step.
 */
package dev.tunebeam.transforms.search;
