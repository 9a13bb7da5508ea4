package dev.tunebeam.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.pipeline.SearchPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job tunes a DJL MLP (not LeNet-5) through --trainerClass, on 1,000 real training images.
 */
@Tag("integration")
class MlpTrainableTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(code),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void theMainJobTunesTheMlpRanksItAndResumes() throws Exception {
    Path space =
        Files.writeString(
            tmp.resolve("mlp.yaml"),
            """
        study: mlp-test
        parameters:
          hidden: {type: discrete, values: [0, 64]}
        fixed:
          num_epochs: 2
          train_samples: 1000
          test_samples: 500
        """);
    Path out = tmp.resolve("out");
    String[] first =
        run(
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerClass=" + MlpTrainable.class.getName(),
            "--localWorkers=1");
    assertEquals("0", first[0], first[2] + first[1]);
    assertTrue(first[1].contains("2 trials: 1 succeeded, 1 failed."), first[1]);
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertTrue(Files.exists(out.resolve("report.html")));
    String best = csv.get(1);
    double accuracy = Double.parseDouble(best.split(",")[column(csv.get(0), "best_val_accuracy")]);
    assertTrue(accuracy > 0.5, "an MLP on 900 images beats chance (0.1) clearly: " + best);
    assertTrue(
        csv.get(2).contains("FAILED")
            && csv.get(2)
                .contains(
                    "hidden 0, layers 1, batch_size 64, num_epochs 2 and learning_rate 0.001 must all be positive"),
        csv.get(2));
    Path outcome;
    try (Stream<Path> trials = Files.list(out.resolve("trials"))) {
      outcome =
          trials
              .map(t -> t.resolve("outcome.json"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains("SUCCEEDED");
                    } catch (java.io.IOException e) {
                      return false;
                    }
                  })
              .findFirst()
              .orElseThrow();
    }
    assertTrue(
        Files.readString(outcome).contains("val_accuracy"),
        "the per-epoch metric maps are in the outcome");
    FileTime written = Files.getLastModifiedTime(outcome);
    String[] again =
        run(
            "--searchSpace=" + space,
            "--output=" + out,
            "--trainerClass=" + MlpTrainable.class.getName(),
            "--localWorkers=1");
    assertEquals("0", again[0], again[2]);
    assertEquals(written, Files.getLastModifiedTime(outcome), "finished trials are reused");
  }

  private static int column(String header, String name) {
    return List.of(header.split(",")).indexOf(name);
  }
}
