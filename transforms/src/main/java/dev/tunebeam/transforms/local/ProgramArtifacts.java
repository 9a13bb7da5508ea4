package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A contract trial's outcome in its folder, {@code <output>/trials/<id>/outcome.json}: how a rerun
 * knows it finished.
 */
final class ProgramArtifacts {
  static final String OUTCOME = "outcome.json";

  private ProgramArtifacts() {}

  static Optional<WorkerOutcome> readOutcome(String trialDirectory) throws IOException {
    String path = TrialArtifacts.join(trialDirectory, OUTCOME);
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return Optional.ofNullable(WorkerOutcome.fromJson(in.readAllBytes()));
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Why a trial's folder cannot hold its artifacts (a regular file, or a link to one, where the
   * folder should be); empty when it is a folder, absent, or not on the local file system.
   */
  static Optional<String> notAFolder(String trialDirectory) {
    if (trialDirectory.contains("://")) {
      return Optional.empty();
    }
    Path p = Path.of(trialDirectory);
    if (Files.exists(p) && !Files.isDirectory(p)) {
      return Optional.of(
          trialDirectory
              + " is a file, not the trial's folder, so its result could not be saved; move or"
              + " delete that file and run again");
    }
    return Optional.empty();
  }

  static void writeOutcome(String trialDirectory, WorkerOutcome outcome) throws IOException {
    String path = TrialArtifacts.join(trialDirectory, OUTCOME);
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(path, false), MimeTypes.TEXT))) {
      out.write(outcome.toJson());
    }
  }
}
