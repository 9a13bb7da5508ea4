package dev.tunebeam.pipeline;

import static dev.tunebeam.pipeline.MainJobRun.csv;
import static dev.tunebeam.pipeline.MainJobRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm start end to end: a study started from an earlier study's results.json, trained for real by
 * the Python contract example on a small subset of Fashion-MNIST.
 */
@Tag("integration")
class WarmStartPipelineTest {
  @TempDir Path tmp;

  private static final List<String> RATES = List.of("0.01", "0.1", "0.5", "1");

  private Path space(String name, String head, String warm) throws Exception {
    return Files.writeString(
        tmp.resolve(name + ".yaml"),
        head
            + warm
            + """
            trainer:
              command: [python3, %s]
              workers: 2
              env: {PYTHONDONTWRITEBYTECODE: "1"}
            parameters:
              learning_rate: {type: discrete, values: [0.01, 0.1, 0.5, 1.0]}
              batch_size: {type: discrete, values: [16, 64]}
            fixed:
              num_epochs: 1
              train_samples: 300
              test_samples: 200
            """
                .formatted(ContractTrainerPipelineTest.EXAMPLE));
  }

  private static String point(CSVRecord r) {
    return r.get("learning_rate") + "/" + r.get("batch_size");
  }

  @Test
  void reuseCopiesWhatAnEarlierStudyAnsweredAndTrainsKnownPointsFirst() throws Exception {
    Path a = tmp.resolve("a");
    MainJobRun first =
        run(
            "--searchSpace="
                + space("a", "study: warm-a\nalgorithm: random\nsamples: 3\nseed: 1\n", ""),
            "--output=" + a);
    assertEquals(0, first.code(), first.err() + first.out());
    Map<String, CSVRecord> earlier = new HashMap<>();
    csv(a.resolve("results.csv")).forEach(r -> earlier.put(point(r), r));
    assertEquals(3, earlier.size());
    String known =
        RATES.stream()
            .map(rate -> rate + "/16")
            .filter(p -> !earlier.containsKey(p))
            .findFirst()
            .orElseThrow();
    String[] lrBatch = known.split("/");

    Path b = tmp.resolve("b");
    Path spaceB =
        space(
            "b",
            "study: warm-b\nalgorithm: random\nsamples: 5\nseed: 1\n",
            """
            warm_start:
              from: [%s]
              points: [{learning_rate: %s, batch_size: %s}]
              reuse: true
            """
                .formatted(a.resolve("results.json"), lrBatch[0], lrBatch[1]));
    MainJobRun second = run("--searchSpace=" + spaceB, "--output=" + b);
    assertEquals(0, second.code(), second.err() + second.out());
    List<CSVRecord> rows = csv(b.resolve("results.csv"));
    assertEquals(5, rows.size(), second.out());
    int reused = 0;
    for (CSVRecord r : rows) {
      CSVRecord before = earlier.get(point(r));
      boolean trained = Files.isDirectory(b.resolve("trials").resolve(r.get("trial_id")));
      if (before != null) {
        reused++;
        // A note may also say "at chance" first: a learning rate of 0.01 learns little in one
        // epoch.
        assertTrue(
            r.get("note").endsWith("reused from warm-a/" + before.get("trial_id")), r.toString());
        assertEquals(before.get("best_val_accuracy"), r.get("best_val_accuracy"));
        assertFalse(trained, "copied, not trained again: " + r);
      } else {
        assertFalse(r.get("note").contains("reused"), r.toString());
        assertTrue(trained, "trained: " + r);
        assertEquals("SUCCEEDED", r.get("status"), r.toString());
      }
    }
    assertEquals(3, reused, "the three points study a answered");
    assertTrue(
        rows.stream().anyMatch(r -> point(r).equals(known) && !r.get("note").contains("reused")),
        "the known point was trained: " + rows);
    JsonNode json = new ObjectMapper().readTree(b.resolve("results.json").toFile());
    int marked = 0;
    for (JsonNode t : json.get("trials")) {
      marked += t.path("reused_from").asText("").startsWith("warm-a/") ? 1 : 0;
    }
    assertEquals(3, marked);
  }

  @Test
  void tpeTrainsNoneOfThePointsAnEarlierStudyAnswered() throws Exception {
    String small =
        "  learning_rate: {type: discrete, values: [0.01, 0.1, 0.5, 1.0]}\n"
            + "  batch_size: {type: discrete, values: [16, 64]}\n";
    String tiny =
        "  learning_rate: {type: discrete, values: [0.1, 0.5]}\n"
            + "  batch_size: {type: discrete, values: [16, 64]}\n";
    Path a = tmp.resolve("a");
    Path spaceA =
        Files.writeString(
            tmp.resolve("tpe-a.yaml"),
            Files.readString(
                    space("x", "study: tpe-a\nalgorithm: random\nsamples: 2\nseed: 3\n", ""))
                .replace(small, tiny));
    MainJobRun first = run("--searchSpace=" + spaceA, "--output=" + a);
    assertEquals(0, first.code(), first.err() + first.out());
    Set<String> answered = new HashSet<>();
    csv(a.resolve("results.csv")).forEach(r -> answered.add(point(r)));
    assertEquals(2, answered.size());

    Path b = tmp.resolve("b");
    Path spaceB =
        Files.writeString(
            tmp.resolve("tpe-b.yaml"),
            Files.readString(
                    space(
                        "y",
                        "study: tpe-b\nalgorithm: tpe\ntrials: 2\nbatch: 1\nseed: 3\n",
                        "warm_start: {from: [" + a.resolve("results.json") + "]}\n"))
                .replace(small, tiny));
    MainJobRun second = run("--searchSpace=" + spaceB, "--output=" + b);
    assertEquals(0, second.code(), second.err() + second.out());
    Set<String> trained = new HashSet<>();
    csv(b.resolve("results.csv")).forEach(r -> trained.add(point(r)));
    Set<String> all = Set.of("0.1/16", "0.1/64", "0.5/16", "0.5/64");
    Set<String> rest = new HashSet<>(all);
    rest.removeAll(answered);
    assertEquals(rest, trained, "the two points study tpe-a left open, each once");
  }
}
