package dev.tunebeam.pipeline;

import dev.tunebeam.pipeline.plan.DataflowStaging;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How {@link SearchPipeline} launches on Dataflow. Every Dataflow option ({@code --project}, {@code
 * --tempLocation}, {@code --sdkContainerImage}, {@code --dataflowServiceOptions}, ...) works beside
 * these; {@link DataflowStaging} decides what is staged when {@code --filesToStage} is not given.
 */
public interface DataflowLaunchOptions extends PipelineOptions {
  @Description(
      "Write the Dataflow job this command would create to this local JSON file and exit: the pipeline is translated "
          + "by the DataflowRunner, but nothing is uploaded or submitted and no Google API is called. Needs what a launch needs "
          + "(--project, --region, --tempLocation=gs://...); --runner is set to DataflowRunner.")
  @Default.String("")
  String getDataflowDryRun();

  void setDataflowDryRun(String value);
}
