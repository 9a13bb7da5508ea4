/**
 * Grid search ({@code algorithm: grid}, the default): {@link
 * dev.tunebeam.transforms.search.grid.GridSearch} with {@link
 * dev.tunebeam.transforms.search.grid.GridSettings} (no keys of its own). Its trials are counted
 * from the specs before any is listed, so a grid of billions is refused with its size.
 */
package dev.tunebeam.transforms.search.grid;
