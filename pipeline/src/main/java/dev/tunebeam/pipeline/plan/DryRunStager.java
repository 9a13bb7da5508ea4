package dev.tunebeam.pipeline.plan;

import com.google.api.services.dataflow.model.DataflowPackage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.dataflow.util.PackageUtil.StagedFile;
import org.apache.beam.runners.dataflow.util.Stager;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A {@link Stager} for {@code --dataflowDryRun}: answers with the packages Dataflow would get,
 * under {@code --stagingLocation}, and remembers what it was given instead of uploading it. Files
 * the runner generates (with Runner v2 the pipeline itself, {@code pipeline.pb}, which then
 * replaces the job's steps) are written beside the job file as {@code JOB-NAME}. Beam creates the
 * stager through {@link #fromOptions} ({@code --stagerClass}) and keeps the instance in the
 * options, so {@link DataflowDryRun} reads the record back from there.
 */
public final class DryRunStager implements Stager {
  /** One file the job would stage. */
  record Staged(String source, String destination, long bytes) {}

  private final String stagingLocation;
  private final Path jobFile;
  private final List<Staged> staged = Collections.synchronizedList(new ArrayList<>());

  private DryRunStager(String stagingLocation, Path jobFile) {
    this.stagingLocation = stagingLocation.endsWith("/") ? stagingLocation : stagingLocation + "/";
    this.jobFile = jobFile;
  }

  /** Beam's factory method for {@code --stagerClass}. */
  public static DryRunStager fromOptions(PipelineOptions options) {
    DataflowPipelineOptions dataflow = options.as(DataflowPipelineOptions.class);
    return new DryRunStager(dataflow.getStagingLocation(), Path.of(dataflow.getTemplateLocation()));
  }

  /**
   * Where a generated file goes: {@code /dir/job.json} and {@code pipeline.pb} give {@code
   * /dir/job-pipeline.pb}.
   */
  Path besideJob(String name) {
    String job = jobFile.getFileName().toString();
    String stem = job.contains(".") ? job.substring(0, job.lastIndexOf('.')) : job;
    return jobFile.resolveSibling(stem + "-" + name);
  }

  @Override
  public List<DataflowPackage> stageFiles(List<StagedFile> files) {
    List<DataflowPackage> packages = new ArrayList<>();
    for (StagedFile f : files) {
      staged.add(new Staged(f.getSource(), f.getDestination(), new File(f.getSource()).length()));
      packages.add(
          new DataflowPackage()
              .setName(f.getDestination())
              .setLocation(stagingLocation + f.getDestination()));
    }
    return packages;
  }

  @Override
  public DataflowPackage stageToFile(byte[] bytes, String name) {
    Path copy = besideJob(name);
    try {
      Files.write(copy, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + copy, e);
    }
    staged.add(new Staged(copy.toString(), name, bytes.length));
    return new DataflowPackage().setName(name).setLocation(stagingLocation + name);
  }

  List<Staged> staged() {
    synchronized (staged) {
      return List.copyOf(staged);
    }
  }
}
