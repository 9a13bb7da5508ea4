package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.report.MetricsJson;
import dev.tunebeam.trainer.report.MetricsReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real runs of the main job as separate processes, with a credential planted in every option
 * that takes a path (output, data folder, search-space file): no line of either run's output holds
 * one. Between them, five trials' artifacts are damaged in the ways issue 15 found (an empty
 * object, null, a stub history, another trial's metrics.json, a deleted model); the rerun retrains
 * exactly those five, each with one warning, and keeps the other three.
 */
@Tag("integration")
class ReuseAndRedactionTest {
  @TempDir Path tmp;

  private static final String[] TOKENS = {
    "ya29.PLANTEDOUTPUT", "PLANTEDDATA", "PLANTEDSPACE", "PLANTEDCOST", "PLANTEDENDPOINT"
  };

  private Run run(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SearchPipeline.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    String text = new String(out, StandardCharsets.UTF_8);
    for (String token : TOKENS) {
      assertFalse(
          text.contains(token.replace("ya29.", "")),
          "a planted secret reached the console:\n" + text);
    }
    return new Run(p.exitValue(), text);
  }

  record Run(int code, String output) {}

  @Test
  void damagedResultsAreRetrainedWithOneWarningAndNoSecretIsPrinted() throws Exception {
    Path space = tmp.resolve("space&token=PLANTEDSPACE.yaml");
    Files.writeString(
        space,
        """
        study: reuse
        parameters:
          activation: {type: categorical, values: [relu, tanh, sigmoid, leakyrelu]}
          pooling: {type: categorical, values: [max, avg]}
        """);
    Path data = tmp.resolve("data?sig=PLANTEDDATA");
    Files.createSymbolicLink(data, Path.of("/usr/share/datasets/fashion-mnist"));
    Path out = tmp.resolve("out?access_token=ya29.PLANTEDOUTPUT");
    String[] args = {
      "--searchSpace=" + space,
      "--output=" + out,
      "--dataDir=" + data,
      "--epochs=1",
      "--trainSamples=256",
      "--testSamples=128",
      "--inProcess=true",
      "--maxFuse=1"
    };
    Run first = run(args);
    assertEquals(0, first.code(), first.output());
    assertTrue(first.output().contains("8 trials: 8 succeeded"), first.output());

    List<Path> trials;
    try (Stream<Path> s = Files.list(out.resolve("trials"))) {
      trials = s.sorted().toList();
    }
    assertEquals(8, trials.size());
    Files.writeString(trials.get(0).resolve("metrics.json"), "{}");
    Files.writeString(trials.get(1).resolve("metrics.json"), "null");
    Files.writeString(trials.get(2).resolve("metrics.json"), "{\"history\":[]}");
    Files.copy(
        trials.get(7).resolve("metrics.json"),
        trials.get(3).resolve("metrics.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.delete(trials.get(4).resolve("model.npz"));
    List<Long> kept = new ArrayList<>();
    for (Path t : trials.subList(5, 8)) {
      kept.add(Files.getLastModifiedTime(t.resolve("metrics.json")).toMillis());
    }

    Run second = run(args);
    assertEquals(0, second.code(), second.output());
    assertTrue(second.output().contains("8 trials: 8 succeeded"), second.output());
    assertEquals(
        5,
        second.output().lines().filter(l -> l.contains("is not reused")).count(),
        second.output());
    for (Path t : trials) {
      MetricsReport m =
          MetricsJson.read(t.toString(), Files.readAllBytes(t.resolve("metrics.json")));
      assertEquals(t.getFileName().toString(), m.trialId());
      assertEquals(1, m.history().size());
      assertTrue(Files.exists(t.resolve("model.npz")));
    }
    for (int i = 5; i < 8; i++) {
      assertEquals(
          kept.get(i - 5),
          Files.getLastModifiedTime(trials.get(i).resolve("metrics.json")).toMillis(),
          "reused, not retrained");
    }
    assertFalse(Files.exists(out.resolve(".tunebeam.lock")), "the lock is released");

    // The options a dry run or a Vertex run reads: a cost model path, an endpoint with a password.
    Path cost = Files.writeString(tmp.resolve("cost?key=PLANTEDCOST.properties"), "");
    Run dry =
        run("--searchSpace=" + space, "--dryRun=true", "--costModel=" + cost, "--output=" + out);
    assertEquals(0, dry.code(), dry.output());
    Run vertex =
        run(
            "--backend=vertex",
            "--vertexProject=my-project-1",
            "--bucket=my-bucket",
            "--output=" + out,
            "--vertexEndpoint=http://user:PLANTEDENDPOINT@127.0.0.1:1");
    assertEquals(2, vertex.code(), vertex.output());
  }
}
