/**
 * Local training: {@code TrainLocally} (the entry class) plans groups of trials and trains them in
 * worker processes ({@code WarmWorker}, {@code ProgramTrainer} for commands), reading each trial's
 * metric file into results.
 *
 * <p>Decision: DJL's gradient collector is process-global, so trials train in worker processes (one
 * per core, one compute thread each), never as threads of the pipeline's JVM; a native crash then
 * takes down only its group.
 */
package dev.tunebeam.transforms.local;
