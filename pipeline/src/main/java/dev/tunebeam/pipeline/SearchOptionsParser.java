package dev.tunebeam.pipeline;

import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Parses and validates {@link SearchOptions} the way every command of the jar does, and registers
 * Beam's file systems.
 */
public final class SearchOptionsParser {
  private SearchOptionsParser() {}

  /** Throws IllegalArgumentException on an unknown option or a value of the wrong type. */
  public static SearchOptions parse(String[] args) {
    PipelineOptionsFactory.register(SearchOptions.class);
    SearchOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(SearchOptions.class);
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }
}
