/**
 * Google Cloud access from the trainer: credentials ({@code GcpCredentials}) and the checks of
 * buckets it will write ({@code GcsPreflight}).
 *
 * <p>Decision: each way credentials can fail becomes one sentence with its fix, checked before
 * anything trains; client libraries would otherwise go on with no credentials and retry for
 * minutes.
 */
package dev.tunebeam.trainer.cloud;
