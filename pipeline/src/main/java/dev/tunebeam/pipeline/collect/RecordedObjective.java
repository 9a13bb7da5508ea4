package dev.tunebeam.pipeline.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.study.ObjectiveChoice;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The objective a study recorded when it ran, for {@code collect}: the submission manifest's, or
 * for a manifest written before it held one, the objective of a leaderboard already in the folder
 * ({@code results.json}). Flags override it part by part ({@link ObjectiveChoice}).
 */
final class RecordedObjective {
  private RecordedObjective() {}

  /** The objectives and where they were read; empty when the study recorded none. */
  record Found(Objectives objectives, String source) {}

  static Optional<Found> of(String output, SubmissionManifest manifest) {
    if (manifest.recordedObjectives() != null) {
      return Optional.of(new Found(manifest.recordedObjectives(), SubmissionManifest.FILE_NAME));
    }
    String path = (output.endsWith("/") ? output : output + "/") + "results.json";
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      JsonNode root = new ObjectMapper().readTree(in);
      JsonNode o = root.path("objective");
      if (!o.hasNonNull("metric")) {
        return Optional.empty();
      }
      // Several objectives are listed under "objectives"; "objective" is the first of them.
      List<Objective> all = new ArrayList<>();
      if (root.path("objectives").isArray()) {
        root.get("objectives").forEach(each -> all.add(objective(each)));
      } else {
        all.add(objective(o));
      }
      return Optional.of(new Found(new Objectives(all), "results.json"));
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

  private static Objective objective(JsonNode o) {
    return Objective.parse(o.path("metric").asText(null), text(o, "goal"), text(o, "measurement"));
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }
}
