package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.HypertuneFile;
import dev.tunebeam.trainer.report.StepMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a running trainer's metric file when asked and hands on each step the first time it appears
 * there: the progress lines of a command trainer come from what it reports, as Vertex AI's do. Its
 * owner polls it from the thread that may update the pipeline's counters.
 */
final class MetricWatch {
  private final Path file;
  private final Consumer<StepMetrics> onStep;
  private final Set<Long> seen = new HashSet<>();

  MetricWatch(Path file, Consumer<StepMetrics> onStep) {
    this.file = file;
    this.onStep = onStep;
  }

  void poll() {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return;
    }
    List<StepMetrics> steps = HypertuneFile.parseGrowing(content);
    // The last step may still be growing (one line per tag): hand it on once a later one exists, or
    // at the end.
    for (int i = 0; i < steps.size() - 1; i++) {
      emit(steps.get(i));
    }
  }

  private void emit(StepMetrics s) {
    if (seen.add(s.step())) {
      try {
        onStep.accept(s);
      } catch (RuntimeException e) {
        // Progress is best effort; a logging hiccup must not end the trial.
      }
    }
  }

  /** Hands on what the finished file holds beyond what was seen. */
  void finish() {
    try {
      HypertuneFile.parseGrowing(Files.readString(file, StandardCharsets.UTF_8))
          .forEach(this::emit);
    } catch (IOException | RuntimeException e) {
      // No file: nothing more to show; the outcome says why.
    }
  }
}
