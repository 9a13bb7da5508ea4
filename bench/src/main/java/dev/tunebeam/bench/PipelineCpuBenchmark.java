package dev.tunebeam.bench;

import dev.tunebeam.pipeline.SearchPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How much CPU the pipeline itself spends beside the trials it runs: runs the main job in this JVM
 * (the reference study unless the options say otherwise) into a fresh folder, nothing resumed, then
 * prints this JVM's CPU time (Beam, the DirectRunner's driver, the lanes, the results) against the
 * CPU time of the trainer processes it started. The DirectRunner's driver polls without pause on
 * any runner thread that is free; this figure shows whether one was. Goal: at most 5% on the
 * reference grid. Run it on an idle machine:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar \
 *     dev.tunebeam.bench.PipelineCpuBenchmark [SearchPipeline options...]
 * </pre>
 */
public final class PipelineCpuBenchmark {
  private PipelineCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    Path output = Files.createTempDirectory("tunebeam-cpu-bench-");
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--output=" + output);
    all.add("--resume=false");
    long start = System.nanoTime();
    int code = SearchPipeline.run(all.toArray(String[]::new), System.out, System.err);
    double minutes = (System.nanoTime() - start) / 60e9;
    ProcessFigures.awaitChildren(Duration.ofSeconds(30));
    ProcessFigures.Cpu cpu = ProcessFigures.cpu();
    System.out.printf(
        Locale.ROOT,
        "PIPELINE CPU: %.1f CPU-s in the pipeline JVM (from its start), %.1f CPU-s in the trainer"
            + " processes: %.1f%% of the study's; wall %.1f min, exit %d, output %s%n",
        cpu.self(),
        cpu.children(),
        100 * cpu.self() / Math.max(1e-9, cpu.children()),
        minutes,
        code,
        output);
    System.exit(code);
  }
}
