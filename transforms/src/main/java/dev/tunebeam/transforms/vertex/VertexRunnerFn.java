package dev.tunebeam.transforms.vertex;

import org.apache.beam.sdk.transforms.DoFn;

/**
 * A DoFn that talks to Vertex AI: one {@link VertexJobRunner} (client and storage) per DoFn
 * instance, opened in {@code @Setup} and closed in {@code @Teardown}, as Beam reuses instances
 * across bundles.
 */
abstract class VertexRunnerFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
  protected final VertexSettings settings;
  private transient VertexJobRunner runner;

  VertexRunnerFn(VertexSettings settings) {
    this.settings = settings;
  }

  protected VertexJobRunner runner() {
    return runner;
  }

  @Setup
  public void openRunner() {
    runner = VertexJobRunner.open(settings);
  }

  @Teardown
  public void closeRunner() {
    if (runner != null) {
      runner.close();
    }
  }
}
