/**
 * The output folder's lock, {@code OUTPUT/.tunebeam.lock} ({@code OutputLock}, the entry class; the
 * main job takes it through {@code OutputLocks}): a local file created with {@code CREATE_NEW}, or
 * a {@code gs://} object created with a {@code doesNotExist} precondition and heartbeated.
 *
 * <p>Decision: two runs into one folder would interleave rows; a stale lock (its process gone on
 * the same host, or no heartbeat for 10 minutes) is taken over so a crashed run never blocks a
 * rerun.
 */
package dev.tunebeam.pipeline.lock;
