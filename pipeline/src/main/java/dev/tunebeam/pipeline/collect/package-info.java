/**
 * Asynchronous Vertex AI studies: {@code SubmitTrials} submits and records {@code submissions.json}
 * ({@code SubmissionManifest}); {@code CollectResults} (the entry class, the {@code collect}
 * command) waits for the jobs later, from any machine, and writes the leaderboard ranked by the
 * objective the run recorded ({@code RecordedObjective}); {@code ResultsSummary} prints the top
 * rows.
 *
 * <p>Decision: a submitted study needs no JVM kept alive; the manifest in the output folder is the
 * whole state, as the rest of a run's state is.
 */
package dev.tunebeam.pipeline.collect;
