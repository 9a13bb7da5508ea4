package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.report.HypertuneFile;
import dev.tunebeam.trainer.report.StepMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private long lastSize = -1;
  private FileTime lastModified;

  MetricWatch(Path file, Consumer<StepMetrics> onStep) {
    this.file = file;
    this.onStep = onStep;
  }

  void poll() {
    Optional<String> content = changed();
    if (content.isEmpty()) {
      return;
    }
    List<StepMetrics> steps = HypertuneFile.parseGrowing(content.get());
    // The last step may still be growing (one line per tag): hand it on once a later one exists, or
    // at the end.
    for (int i = 0; i < steps.size() - 1; i++) {
      emit(steps.get(i));
    }
  }

  /**
   * The file's text when it changed since the last look; empty when it did not, is not there, or is
   * refused ({@link MetricFile}: a FIFO, a device, too large), which the outcome then says.
   */
  private Optional<String> changed() {
    try {
      MetricFile.Read read = MetricFile.read(file);
      if (read.text().isEmpty()
          || (read.size() == lastSize && Objects.equals(read.modified(), lastModified))) {
        return Optional.empty();
      }
      lastSize = read.size();
      lastModified = read.modified();
      return read.text();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
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
    lastModified = null;
    changed().ifPresent(content -> HypertuneFile.parseGrowing(content).forEach(this::emit));
  }
}
