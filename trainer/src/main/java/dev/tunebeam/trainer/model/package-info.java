/**
 * LeNet-5 as a fused network ({@code FusedLeNet}, the entry class): K models, each a row of one
 * parameter tensor, with their activation, pooling and initialisation.
 *
 * <p>Decision: one model is a fused group of one, so the single and the fused paths are the same
 * code; every layer form was measured, because oneDNN picks slow kernels for some of LeNet's shapes
 * (docs/performance.md).
 */
package dev.tunebeam.trainer.model;
