package dev.tunebeam.pipeline.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.NoCredentials;
import dev.tunebeam.pipeline.DataflowLaunchOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineDebugOptions;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * {@code --dataflowDryRun=FILE}: the Dataflow job a command would create, written as JSON without
 * any API call. Dataflow has no dry-run flag, but template creation ({@code --templateLocation})
 * translates the pipeline and writes the job instead of submitting it; what it would still do over
 * the network is switched off here: uploads (a {@link DryRunStager}), the bucket checks of the temp
 * and staging locations (a no-op path validator, and both locations resolved up front from {@code
 * --tempLocation}) and credential lookups (no credentials, so nothing probes the metadata server).
 */
public final class DataflowDryRun {
  /** Staged files listed by the report; a classpath run from an IDE stages hundreds. */
  private static final int LISTED = 10;

  private DataflowDryRun() {}

  public static boolean requested(PipelineOptions options) {
    return !options.as(DataflowLaunchOptions.class).getDataflowDryRun().isBlank();
  }

  /**
   * Turns a launch into a dry run; must run before {@code Pipeline.create} validates the options.
   */
  public static void configure(PipelineOptions options) {
    if (!requested(options)) {
      return;
    }
    String file = options.as(DataflowLaunchOptions.class).getDataflowDryRun().trim();
    if (file.contains("://")) {
      throw new IllegalArgumentException(
          "--dataflowDryRun "
              + file
              + " must be a local file path (e.g. /tmp/job.json); the dry run writes nothing remote");
    }
    Path path = Path.of(file).toAbsolutePath();
    Path folder = path.getParent();
    if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw new IllegalArgumentException(
          "--dataflowDryRun "
              + file
              + " cannot be written: "
              + folder
              + " is not a writable folder");
    }
    DataflowPipelineOptions dataflow = options.as(DataflowPipelineOptions.class);
    // Beam's default for gcpTempLocation reads the bucket's soft-delete policy over the network;
    // the staging location's default derives from gcpTempLocation without one.
    if (!bound(options, "gcpTempLocation")) {
      String temp = dataflow.getTempLocation();
      if (temp == null || !temp.startsWith("gs://")) {
        throw new IllegalArgumentException(
            "--dataflowDryRun needs --tempLocation=gs://BUCKET/PATH (or --gcpTempLocation), as a Dataflow launch "
                + "does; got --tempLocation "
                + (temp == null ? "(unset)" : temp));
      }
      dataflow.setGcpTempLocation(temp);
    }
    dataflow.setRunner(DataflowRunner.class);
    dataflow.setTemplateLocation(path.toString());
    dataflow.setGcpCredential(NoCredentials.getInstance());
    dataflow.setPathValidatorClass(NoopPathValidator.class);
    dataflow.as(DataflowPipelineDebugOptions.class).setStagerClass(DryRunStager.class);
  }

  /**
   * Whether the user set the property (or something already computed it). Reading it instead would
   * run its default factory; the options' JSON form holds only the values bound so far.
   */
  private static boolean bound(PipelineOptions options, String property) {
    return new ObjectMapper().valueToTree(options).path("options").hasNonNull(property);
  }

  /**
   * Whether {@code run()} wrote a job file instead of submitting a job (a dry run, or a template
   * the user asked for): there is then no job to wait for.
   */
  public static boolean wroteTemplate(PipelineOptions options) {
    if (!DataflowRunner.class.isAssignableFrom(options.getRunner())) {
      return false;
    }
    String template = options.as(DataflowPipelineOptions.class).getTemplateLocation();
    return template != null && !template.isBlank();
  }

  /** What the dry run wrote and what the job would stage, biggest file first. */
  public static void report(PipelineOptions options, PrintStream out) {
    DataflowPipelineOptions dataflow = options.as(DataflowPipelineOptions.class);
    if (!requested(options)) {
      out.println("Dataflow template written to " + dataflow.getTemplateLocation());
      return;
    }
    out.println(
        "Dataflow dry run: job written to "
            + dataflow.getTemplateLocation()
            + "; nothing was uploaded or submitted.");
    if (dataflow.as(DataflowPipelineDebugOptions.class).getStager()
        instanceof DryRunStager stager) {
      List<DryRunStager.Staged> staged =
          stager.staged().stream()
              .sorted(Comparator.comparingLong(DryRunStager.Staged::bytes).reversed())
              .toList();
      long total = staged.stream().mapToLong(DryRunStager.Staged::bytes).sum();
      out.printf(
          Locale.ROOT,
          "It would stage %d files (%.1f MB) to %s:%n",
          staged.size(),
          total / 1e6,
          dataflow.getStagingLocation());
      staged.stream()
          .limit(LISTED)
          .forEach(s -> out.printf(Locale.ROOT, "  %9.1f MB  %s%n", s.bytes() / 1e6, s.source()));
      if (staged.size() > LISTED) {
        out.printf(
            "  ... and %d smaller files (all of them: filesToStage in the job's sdkPipelineOptions)%n",
            staged.size() - LISTED);
      }
    }
  }
}
