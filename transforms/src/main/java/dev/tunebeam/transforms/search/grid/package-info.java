/**
 * Grid search ({@code algorithm: grid}, the default): every combination, each trained once per
 * repeat. Entry class {@link dev.tunebeam.transforms.search.grid.GridSearch}, with its settings
 * record {@link dev.tunebeam.transforms.search.grid.GridSettings} (no keys of its own).
 *
 * <p>Decision: its trials are counted from the specs before any is listed, so a grid of billions is
 * refused with its size instead of filling the heap.
 */
package dev.tunebeam.transforms.search.grid;
