/**
 * What a run would do, without doing it: the dry run ({@code DryRunPlan}, the entry class; {@code
 * ScheduleDryRun} for adaptive schedules) priced by {@code CostModel}, and the Dataflow job's
 * translation and staging ({@code DataflowDryRun}, {@code DryRunStager}, {@code DataflowStaging}).
 *
 * <p>Decision: the dry run asks the same schedule the graph is built from, so its trial counts
 * cannot disagree with the run; Dataflow has no dry-run flag, so a template written with a
 * recording stager stands in for one.
 */
package dev.tunebeam.pipeline.plan;
