package dev.tunebeam.transforms.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A contract trial's outcome in its folder, {@code <output>/trials/<id>/outcome.json}: how a rerun
 * knows it finished. Beside the worker's outcome it records what the run asked for and took ({@link
 * Run}), since a trainer's own step numbers cannot say whether it finished: cloudml-hypertune
 * reports step 0 unless told otherwise, and a trainer may number its reports in any order.
 */
final class ProgramArtifacts {
  static final String OUTCOME = "outcome.json";
  private static final String PLANNED = "planned_epochs";
  private static final String SECONDS = "wall_seconds";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgramArtifacts() {}

  /**
   * The epochs the trial was run for (its {@code num_epochs}, 1 without one; 0 when an older file
   * does not say) and its wall seconds (NaN when not recorded).
   */
  record Run(int plannedEpochs, double wallSeconds) {
    static final Run UNKNOWN = new Run(0, Double.NaN);
  }

  /** An outcome as saved, with the run that produced it. */
  record Saved(WorkerOutcome outcome, Run run) {}

  static Optional<Saved> readOutcome(String trialDirectory) throws IOException {
    String path = TrialArtifacts.join(trialDirectory, OUTCOME);
    byte[] bytes;
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      bytes = in.readAllBytes();
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
    WorkerOutcome outcome = WorkerOutcome.fromJson(bytes);
    if (outcome == null) {
      return Optional.empty();
    }
    Run run = Run.UNKNOWN;
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node.path(PLANNED).canConvertToInt()) {
        run =
            new Run(
                node.path(PLANNED).asInt(),
                node.path(SECONDS).isNumber() ? node.path(SECONDS).asDouble() : Double.NaN);
      }
    } catch (IOException e) {
      // fromJson read it; nothing more to learn
    }
    return Optional.of(new Saved(outcome, run));
  }

  static void writeOutcome(String trialDirectory, WorkerOutcome outcome, Run run)
      throws IOException {
    String path = TrialArtifacts.join(trialDirectory, OUTCOME);
    ObjectNode node = (ObjectNode) JSON.readTree(outcome.toJson());
    node.put(PLANNED, run.plannedEpochs());
    if (Double.isFinite(run.wallSeconds())) {
      node.put(SECONDS, run.wallSeconds());
    }
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(path, false), MimeTypes.TEXT))) {
      out.write(JSON.writeValueAsBytes(node));
    }
  }
}
