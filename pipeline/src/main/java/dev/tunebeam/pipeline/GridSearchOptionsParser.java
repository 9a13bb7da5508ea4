package dev.tunebeam.pipeline;

import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Parses and validates {@link GridSearchOptions} the way every command of the jar does, and
 * registers Beam's file systems.
 */
final class GridSearchOptionsParser {
  private GridSearchOptionsParser() {}

  /** Throws IllegalArgumentException on an unknown option or a value of the wrong type. */
  static GridSearchOptions parse(String[] args) {
    PipelineOptionsFactory.register(GridSearchOptions.class);
    GridSearchOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(GridSearchOptions.class);
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }
}
