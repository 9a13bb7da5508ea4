package dev.tunebeam.pipeline.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.study.ObjectiveChoice;
import dev.tunebeam.transforms.results.Objective;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The objective a study recorded when it ran, for {@code collect}: the submission manifest's, or
 * for a manifest written before it held one, the objective of a leaderboard already in the folder
 * ({@code results.json}). Flags override it part by part ({@link ObjectiveChoice}).
 */
final class RecordedObjective {
  private RecordedObjective() {}

  /** The objective and where it was read; empty when the study recorded none. */
  record Found(Objective objective, String source) {}

  static Optional<Found> of(String output, SubmissionManifest manifest) {
    if (manifest.objective() != null) {
      return Optional.of(new Found(manifest.objective(), SubmissionManifest.FILE_NAME));
    }
    String path = (output.endsWith("/") ? output : output + "/") + "results.json";
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      JsonNode o = new ObjectMapper().readTree(in).path("objective");
      if (!o.hasNonNull("metric")) {
        return Optional.empty();
      }
      return Optional.of(
          new Found(
              Objective.parse(o.get("metric").asText(), text(o, "goal"), text(o, "measurement")),
              "results.json"));
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          path
              + " cannot be read for the study's objective ("
              + e.getMessage()
              + "); give it with --objective, --objectiveGoal and --measurement, or move that file away");
    }
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }
}
