package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a running local search (SIGKILL) after a trial finished, reruns it, and checks that the
 * finished trials were not trained again, that no orphan worker outlived the kill, and that the
 * final table covers every trial.
 */
@Tag("integration")
class KillAndResumeTest {
  @TempDir Path tmp;

  @Test
  void aKilledSearchResumesWithoutRetrainingFinishedTrials() throws Exception {
    Path space = tmp.resolve("space.yaml");
    Files.writeString(
        space,
        """
        study: kill-resume
        parameters:
          activation: {type: categorical, values: [relu, tanh, leakyrelu, sigmoid]}
        """);
    Path out = tmp.resolve("out");
    String[] args = {
      "--searchSpace=" + space,
      "--output=" + out,
      "--epochs=1",
      "--trainSamples=2000",
      "--testSamples=500",
      "--maxFuse=1",
      "--localWorkers=1",
      "--dataDir=/usr/share/datasets/fashion-mnist"
    };

    Process search =
        new ProcessBuilder(
                Stream.concat(
                        Stream.of(
                            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SearchPipeline.class.getName()),
                        Stream.of(args))
                    .toList())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("first-run.log").toFile())
            .start();
    Map<Path, FileTime> finished = waitForFinishedTrials(out, search);
    List<ProcessHandle> workers = search.descendants().toList();
    search.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle w : workers) {
      w.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(w.isAlive(), "worker " + w.pid() + " outlived its pipeline");
    }
    assertFalse(
        Files.exists(out.resolve("results.csv")), "the first run was killed before its table");
    finished = currentFinished(out);
    assertTrue(
        finished.size() >= 1 && finished.size() < 4, "killed mid-search: " + finished.keySet());

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code = SearchPipeline.run(args, new PrintStream(log), new PrintStream(log));
    assertEquals(0, code, log.toString());
    assertTrue(log.toString().contains("4 trials: 4 succeeded, 0 failed."), log.toString());
    for (Map.Entry<Path, FileTime> e : finished.entrySet()) {
      assertEquals(
          e.getValue(), Files.getLastModifiedTime(e.getKey()), "not retrained: " + e.getKey());
    }
    assertEquals(4, currentFinished(out).size());
    assertEquals(5, Files.readAllLines(out.resolve("results.csv")).size());
  }

  private static Map<Path, FileTime> waitForFinishedTrials(Path out, Process search)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      assertTrue(search.isAlive(), "the search ended before it could be killed");
      Map<Path, FileTime> done = currentFinished(out);
      if (!done.isEmpty()) {
        return done;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no trial finished within 3 minutes");
  }

  private static Map<Path, FileTime> currentFinished(Path out) throws Exception {
    Map<Path, FileTime> done = new HashMap<>();
    Path trials = out.resolve("trials");
    if (Files.isDirectory(trials)) {
      try (Stream<Path> dirs = Files.list(trials)) {
        for (Path d : dirs.toList()) {
          Path m = d.resolve("metrics.json");
          if (Files.exists(m)) {
            done.put(m, Files.getLastModifiedTime(m));
          }
        }
      }
    }
    return done;
  }
}
