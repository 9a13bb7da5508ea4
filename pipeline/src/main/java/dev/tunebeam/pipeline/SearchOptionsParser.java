package dev.tunebeam.pipeline;

import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Parses and validates {@link SearchOptions} the way every command of the jar does, and registers
 * Beam's file systems.
 */
public final class SearchOptionsParser {
  private SearchOptionsParser() {}

  /**
   * Throws IllegalArgumentException on an unknown option, a value of the wrong type, or a value no
   * command can use.
   */
  public static SearchOptions parse(String[] args) {
    CloudOptionRegistrars.registerIfUsed(args);
    PipelineOptionsFactory.register(SearchOptions.class);
    SearchOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(SearchOptions.class);
    // Read only once the run has ended (the summary's rows): a bad value found then would be a
    // stack trace after hours of training.
    if (options.getTop() < 0) {
      throw new IllegalArgumentException(
          "--top "
              + options.getTop()
              + " is negative; use 0 to print no rows, or the number of leaderboard rows to print");
    }
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }
}
