package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.HypertuneFile;
import dev.tunebeam.trainer.report.StepMetrics;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a contract trainer's run ended, in one sentence: what the worker said in its outcome file (a
 * Java trainable's worker writes one), else its exit code (2: it refused its parameters, and its
 * last line says why), else what its metric file holds. The full output is in the trial's {@code
 * trainer.log}, which failed sentences point to.
 */
final class ProgramOutcomes {
  private ProgramOutcomes() {}

  /** The program could not be started at all: missing, or not executable. */
  static WorkerOutcome notStarted(String program, IOException e) {
    String m = String.valueOf(e.getMessage());
    int at = m.indexOf("error=");
    int comma = at < 0 ? -1 : m.indexOf(", ", at);
    String reason = comma < 0 ? m : m.substring(comma + 2);
    return WorkerOutcome.failed(
        127,
        "the trainer command "
            + program
            + " cannot be run ("
            + reason.toLowerCase(java.util.Locale.ROOT)
            + "); check that it is installed, on PATH and executable");
  }

  static WorkerOutcome interpret(
      WorkerProcess.Exit exit,
      Optional<WorkerOutcome> told,
      Path metricFile,
      TrialLog log,
      long timeoutSeconds,
      String trialDirectory) {
    String logFile = TrialLog.location(trialDirectory);
    if (exit.timedOut()) {
      return WorkerOutcome.failed(
          exit.code(),
          "the trainer ran past its timeout of "
              + timeoutSeconds
              + " s and was killed; raise the timeout or train fewer epochs (log: "
              + logFile
              + ")");
    }
    if (told.isPresent() && !told.get().ok()) {
      return told.get();
    }
    String last = log.lastLine();
    if (exit.code() == 2) {
      return WorkerOutcome.failed(
          2,
          last != null
              ? last
              : "the trainer refused its parameters (exit 2) and printed no reason");
    }
    if (exit.code() != 0) {
      if (told.isEmpty()
          && exit.tail()
              .contains("A fatal error has been detected by the Java Runtime Environment")) {
        return WorkerOutcome.failed(exit.code(), GroupTrainer.describeExit(exit, timeoutSeconds));
      }
      String how =
          exit.code() > 128
              ? "was killed by signal " + (exit.code() - 128)
              : "exited with code " + exit.code();
      return WorkerOutcome.failed(
          exit.code(),
          "the trainer "
              + how
              + (last != null ? ", last output: " + last : " and printed nothing")
              + " (log: "
              + logFile
              + ")");
    }
    String content;
    try {
      MetricFile.Read read = MetricFile.read(metricFile);
      if (read.refusal().isPresent()) {
        return WorkerOutcome.failed(1, read.refusal().get());
      }
      content = read.text().orElse("");
    } catch (IOException e) {
      return WorkerOutcome.failed(
          1, "the trainer's metric file " + metricFile + " cannot be read: " + e.getMessage());
    }
    if (content.isBlank()) {
      return WorkerOutcome.failed(
          1,
          "the trainer exited with code 0 but reported no metric; write one line per epoch to the file named "
              + "by CLOUD_ML_HP_METRIC_FILE, as cloudml-hypertune does");
    }
    try {
      List<StepMetrics> steps = HypertuneFile.parse("CLOUD_ML_HP_METRIC_FILE", content);
      return WorkerOutcome.succeeded().withMetrics(steps);
    } catch (IllegalArgumentException e) {
      return WorkerOutcome.failed(1, e.getMessage());
    }
  }
}
