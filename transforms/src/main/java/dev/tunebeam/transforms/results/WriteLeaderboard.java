package dev.tunebeam.transforms.results;

import com.google.auto.value.AutoValue;
import dev.tunebeam.transforms.settings.Checks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes a {@link Leaderboard} as {@code results.csv}, {@code results.json}, {@code results.md} and
 * the {@link HtmlReport} {@code report.html} into a directory through Beam {@link FileSystems}, so
 * {@code gs://bucket/path} and a local path work the same. Each file is written under a temporary
 * name and then renamed, so a reader sees the previous table or the new one, never half of one.
 * Outputs the paths written. Given the run's figures ({@link #withRunFigures}), {@code
 * results.json} also carries them (how well the run kept the cores busy), and the rewrites made
 * while the study ran stop before these final files are written.
 *
 * <pre>{@code
 * board.apply(WriteLeaderboard.to("gs://my-bucket/studies/lenet5").withStudy("lenet5-fashion"));
 * }</pre>
 */
@AutoValue
public abstract class WriteLeaderboard
    extends PTransform<PCollection<Leaderboard>, PCollection<String>> {
  private static final long serialVersionUID = 1L;

  public static final List<String> FILES =
      List.of("results.csv", "results.json", "results.md", HtmlReport.FILE_NAME);

  public abstract String directory();

  public abstract String study();

  public abstract @Nullable RunFigures runFigures();

  abstract Builder toBuilder();

  /** A local folder or {@code gs://bucket/path}. */
  public static WriteLeaderboard to(String directory) {
    return new AutoValue_WriteLeaderboard.Builder()
        .setDirectory(Checks.present("directory", directory, "a local folder or gs://bucket/path"))
        .setStudy("study")
        .setRunFigures(null)
        .build();
  }

  /** The study name the JSON, Markdown and HTML files carry. */
  public WriteLeaderboard withStudy(String study) {
    return toBuilder().setStudy(Checks.present("study", study, "the study's name")).build();
  }

  /**
   * The figures of the run whose trials these are ({@code exec.StudyFigures.of(run)}): they go into
   * {@code results.json}, and the run's live rewrites end before the final files.
   */
  public WriteLeaderboard withRunFigures(RunFigures figures) {
    return toBuilder().setRunFigures(Objects.requireNonNull(figures, "runFigures")).build();
  }

  @Override
  public PCollection<String> expand(PCollection<Leaderboard> board) {
    return board.apply("WriteFiles", ParDo.of(new WriteFn(directory(), study(), runFigures())));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("directory", directory())).add(DisplayData.item("study", study()));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setDirectory(String v);

    abstract Builder setStudy(String v);

    abstract Builder setRunFigures(@Nullable RunFigures v);

    abstract WriteLeaderboard build();
  }

  /** Writes {@code bytes} to {@code dir/name} atomically (temporary name, then rename). */
  public static String writeAtomically(String dir, String name, byte[] bytes) throws IOException {
    ResourceId folder = FileSystems.matchNewResource(dir, true);
    ResourceId target = folder.resolve(name, ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    ResourceId temp =
        folder.resolve(
            "." + name + "." + UUID.randomUUID() + ".tmp",
            ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try {
      try (OutputStream out =
          Channels.newOutputStream(FileSystems.create(temp, "application/octet-stream"))) {
        out.write(bytes);
      }
      FileSystems.rename(List.of(temp), List.of(target));
    } catch (IOException | RuntimeException e) {
      // A full disk, say: the target keeps its earlier content, and no partial file is left.
      try {
        FileSystems.delete(List.of(temp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      } catch (IOException | RuntimeException ignored) {
        e.addSuppressed(ignored);
      }
      throw e;
    }
    return target.toString();
  }

  static final class WriteFn extends DoFn<Leaderboard, String> {
    private final String directory;
    private final String study;
    private final @Nullable RunFigures figures;

    WriteFn(String directory, String study, @Nullable RunFigures figures) {
      this.directory = directory;
      this.study = study;
      this.figures = figures;
    }

    @ProcessElement
    public void process(@Element Leaderboard board, OutputReceiver<String> out) throws IOException {
      byte[] json =
          figures == null
              ? LeaderboardFormats.json(board, study)
              : LeaderboardFormats.json(board, study, figures.seal());
      out.output(writeAtomically(directory, "results.csv", LeaderboardFormats.csv(board)));
      out.output(writeAtomically(directory, "results.json", json));
      out.output(
          writeAtomically(directory, "results.md", LeaderboardFormats.markdown(board, study)));
      out.output(
          writeAtomically(
              directory, HtmlReport.FILE_NAME, HtmlReport.render(board, study, directory)));
      // Not in the output: the TensorBoard files are a side record, and FILES lists what a reader
      // opens.
      for (var f :
          TensorBoardSummary.files(board, System.currentTimeMillis() / 1000.0).entrySet()) {
        int slash = f.getKey().lastIndexOf('/');
        writeAtomically(
            (directory.endsWith("/") ? directory : directory + "/")
                + f.getKey().substring(0, slash),
            f.getKey().substring(slash + 1),
            f.getValue());
      }
    }
  }
}
