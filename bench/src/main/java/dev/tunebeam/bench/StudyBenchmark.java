package dev.tunebeam.bench;

import dev.tunebeam.pipeline.SearchPipeline;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs the whole reference study (27 trials x 10 epochs x 60,000 images, unless other options say
 * otherwise) through {@link SearchPipeline} into a fresh folder, with nothing resumed, and prints
 * its real wall time and the best accuracy it found. Run it on an idle machine:
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar dev.tunebeam.bench.StudyBenchmark [SearchPipeline options...]
 * </pre>
 */
public final class StudyBenchmark {
  private StudyBenchmark() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    Path output = Files.createTempDirectory("tunebeam-study-bench-");
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--output=" + output);
    all.add("--resume=false");
    long start = System.nanoTime();
    int code = SearchPipeline.run(all.toArray(String[]::new), System.out, System.err);
    double minutes = (System.nanoTime() - start) / 60e9;
    if (code != 0) {
      System.err.println("the study failed with exit code " + code);
      System.exit(code);
    }
    try (Reader r = Files.newBufferedReader(output.resolve("results.csv"));
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      List<CSVRecord> rows = p.getRecords();
      CSVRecord best = rows.get(0);
      System.out.printf(
          Locale.ROOT,
          "STUDY wall time: %.1f min for %d trials (%s); best trial %s: best test accuracy %s, final %s%n",
          minutes,
          rows.size(),
          output,
          best.get("trial_id"),
          best.get("best_test_accuracy"),
          best.get("final_test_accuracy"));
    }
  }
}
