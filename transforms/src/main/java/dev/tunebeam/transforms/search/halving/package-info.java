/**
 * Successive halving: rungs of {@code eta}-fold fewer trials trained for {@code eta}-fold more
 * epochs, the survivors continuing from their checkpoints.
 *
 * <p>Decision: promotion ranks on the history cut at the rung's epoch, ties by trial id, so it is
 * deterministic.
 */
package dev.tunebeam.transforms.search.halving;
