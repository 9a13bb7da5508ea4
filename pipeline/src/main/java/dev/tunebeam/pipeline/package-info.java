/**
 * The main job: {@link dev.tunebeam.pipeline.SearchPipeline} (the runnable jar's entry point) and
 * its options, {@link dev.tunebeam.pipeline.SearchOptions}, with their parsing, help page and
 * refusals.
 *
 * <p>Sub-packages, each a stage of a run: {@code study} turns options into a space, an objective,
 * backends and a schedule; {@code preflight} checks what would fail every trial before anything is
 * written; {@code plan} is the dry run and Dataflow staging; {@code collect} is the asynchronous
 * submit and {@code collect} of Vertex AI trials; {@code tune} is the Vertex AI tuning-job
 * launcher; {@code lock} is the output folder's lock.
 *
 * <p>Decision: one flag system. Options are a Beam {@code PipelineOptions} interface (as Dataflow
 * users expect), and a refused library field is shown under the flag the user typed through one
 * table, {@link dev.tunebeam.pipeline.FlagNames}; CLIs print one sentence and exit 2.
 */
package dev.tunebeam.pipeline;
