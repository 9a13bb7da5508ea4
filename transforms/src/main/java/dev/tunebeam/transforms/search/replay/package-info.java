/**
 * Replaying a finished study: its recorded per-epoch results stand in for training, so that any
 * search algorithm of this project can be run on them in milliseconds (the tabular-benchmark method
 * of HPOBench and NAS-Bench, on the user's own study). Entry class {@link
 * dev.tunebeam.transforms.search.replay.Replay}: a recording ({@link
 * dev.tunebeam.transforms.search.replay.RecordingFiles} reads an output folder or the compact
 * recording file it writes) checked against a search space, walked seed by seed; {@link
 * dev.tunebeam.transforms.search.replay.Simulation} turns many walks into the figures {@code
 * simulate} prints (trials and model-epochs until a trial within a tolerance of the recorded best,
 * the best within a budget).
 *
 * <p>Decision: a replay does not start a Beam pipeline. The schedule is walked in this JVM by
 * {@link dev.tunebeam.transforms.search.ScheduleWalk}, which calls the very functions the
 * pipeline's stages call (promotion, proposals, the first stage's points), and results come from
 * {@link dev.tunebeam.transforms.search.replay.ReplayExecutor}, an ordinary {@code TrialExecutor}
 * that the pipeline can run as well; a test runs every algorithm both ways and compares the rows. A
 * pipeline per replay would cost seconds each, and a comparison is hundreds of replays.
 *
 * <p>Points are matched by parameter values, not ids: an id hashes the study name, and the space
 * replayed may be another study's (a halving study of the grid's points).
 */
package dev.tunebeam.transforms.search.replay;
