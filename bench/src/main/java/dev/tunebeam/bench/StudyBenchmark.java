package dev.tunebeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.pipeline.SearchPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a study through {@link SearchPipeline} in this JVM (the reference study, 27 trials x 10
 * epochs x 60,000 images, unless the options say otherwise) into a fresh folder, nothing resumed,
 * and prints the engine's figures (issue 21, item 4): the wall time against the trials' own
 * training seconds over the workers (goal at most 1.1x on the reference grid), the lanes'
 * utilisation (goal at least 90%), and this JVM's CPU time (Beam, the DirectRunner's driver, the
 * lanes, the results) against that of the trainer processes it started (goal at most 5%: the
 * DirectRunner's driver polls without pause on any free runner thread, and this shows whether one
 * was). Run it on an idle machine:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar \
 *     dev.tunebeam.bench.StudyBenchmark [SearchPipeline options...]
 * </pre>
 */
public final class StudyBenchmark {
  private StudyBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    Path output = Files.createTempDirectory("tunebeam-study-bench-");
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--output=" + output);
    all.add("--resume=false");
    long start = System.nanoTime();
    int code = SearchPipeline.run(all.toArray(String[]::new), System.out, System.err);
    double seconds = (System.nanoTime() - start) / 1e9;
    ProcessFigures.awaitChildren(Duration.ofSeconds(30));
    ProcessFigures.Cpu cpu = ProcessFigures.cpu();
    if (code != 0) {
      System.err.println("the study failed with exit code " + code + "; output " + output);
      System.exit(code);
    }
    JsonNode board = new ObjectMapper().readTree(output.resolve("results.json").toFile());
    double trainingSeconds = 0;
    for (JsonNode t : board.path("trials")) {
      trainingSeconds += t.path("seconds").asDouble();
    }
    JsonNode use = board.path("utilisation");
    int workers = Math.max(1, use.path("cores").asInt(1));
    double bound = trainingSeconds / workers;
    JsonNode best = board.path("trials").get(0);
    String metric = board.path("objective").path("metric").asText("val_accuracy");
    System.out.printf(
        Locale.ROOT,
        "STUDY: %d trials in %.1f min; the trials' training seconds / %d workers = %.1f min:"
            + " %.2fx (goal <= 1.1 on the reference grid); lanes busy %.1f%% (goal >= 90%%)%n",
        board.path("trials").size(),
        seconds / 60,
        workers,
        bound / 60,
        seconds / Math.max(1e-9, bound),
        100 * use.path("fraction").asDouble(Double.NaN));
    System.out.printf(
        Locale.ROOT,
        "PIPELINE CPU: %.1f CPU-s in the pipeline JVM (from its start), %.1f CPU-s in the trainer"
            + " processes: %.1f%% of the study's (goal <= 5%%)%n",
        cpu.self(),
        cpu.children(),
        100 * cpu.self() / Math.max(1e-9, cpu.children()));
    System.out.printf(
        Locale.ROOT,
        "BEST: trial %s %s: best %s %s, test accuracy %s; output %s%n",
        best.path("trial_id").asText(),
        best.path("parameters"),
        metric,
        best.path("best_" + metric).asText(),
        best.path("test_accuracy").asText(),
        output);
  }
}
