/**
 * Checks made once before anything is written: credentials, buckets, the Vertex AI endpoint and the
 * Dataflow launch ({@code CloudPreflight}, the entry class), the training data ({@code
 * DataPreflight}), a trainer command's program ({@code TrainerPreflight}) and the run as a whole
 * ({@code RunPreflight}).
 *
 * <p>Decision: a condition that would fail every trial (no credentials, a missing bucket, too few
 * images, an unwritable output) is one sentence and exit 2, not 27 identical FAILED rows.
 */
package dev.tunebeam.pipeline.preflight;
