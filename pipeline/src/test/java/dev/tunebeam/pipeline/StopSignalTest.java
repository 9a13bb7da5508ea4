package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.pipeline.lock.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM of the main job (a pod evicted, a CI job cancelled) ends its trainers and their children
 * and releases the output lock, so a rerun from anywhere starts at once (issue 25).
 */
@Tag("integration")
class StopSignalTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void sigtermEndsEveryTrainerAndReleasesTheLock() throws Exception {
    Path pids = Files.createDirectories(tmp.resolve("pids"));
    // The trainer and a child of its own, both sleeping: each records its pid.
    Path trainer =
        Files.writeString(
            tmp.resolve("sleeper.sh"),
            """
            #!/bin/sh
            sleep 600 &
            echo $! > "%1$s/$CLOUD_ML_TRIAL_ID.child"
            echo $$ > "%1$s/$CLOUD_ML_TRIAL_ID.pid"
            wait
            """
                .formatted(pids));
    trainer.toFile().setExecutable(true);
    Path space =
        Files.writeString(
            tmp.resolve("space.yaml"),
            "study: stop\nparameters:\n  m: {type: categorical, values: [a, b]}\n");
    Path out = tmp.resolve("out");
    Process search =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SearchPipeline.class.getName(),
                "--searchSpace=" + space,
                "--output=" + out,
                "--trainerCommand=" + trainer,
                "--localWorkers=2")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("run.log").toFile())
            .start();
    List<Long> started = new ArrayList<>();
    try {
      // A trainer and its child: at least one trial is running.
      while (pidsIn(pids).size() < 2) {
        assertTrue(
            search.isAlive(), "the run ended early: " + Files.readString(tmp.resolve("run.log")));
        Thread.sleep(200);
      }
      started.addAll(pidsIn(pids));
      assertTrue(Files.exists(out.resolve(OutputLock.FILE_NAME)), "the run holds its lock");

      search.destroy(); // SIGTERM
      assertTrue(search.waitFor(60, TimeUnit.SECONDS), "the run ends on SIGTERM");
      for (long pid : started) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        try {
          if (p.isPresent()) {
            p.get().onExit().get(10, TimeUnit.SECONDS);
          }
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          // Asserted below.
        }
        assertFalse(
            ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
            "trainer process " + pid + " outlived the main job");
      }
      assertFalse(
          Files.exists(out.resolve(OutputLock.FILE_NAME)),
          "the lock is released: " + Files.readString(tmp.resolve("run.log")));
    } finally {
      search.destroyForcibly();
      for (long pid : started.isEmpty() ? pidsIn(pids) : started) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * A signal while the pipeline is still being built (the fusion probe measures this machine in a
   * JVM of its own when nothing is cached) ends what was started so far too.
   */
  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void sigtermDuringTheFusionProbeEndsItsJvm() throws Exception {
    Path out = tmp.resolve("out");
    Process search =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // No measured fusion costs under this home: building the pipeline starts the probe.
                "-Duser.home=" + tmp.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                SearchPipeline.class.getName(),
                "--output=" + out,
                "--trainSamples=600",
                "--testSamples=200")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("probe-run.log").toFile())
            .start();
    List<ProcessHandle> probe = new ArrayList<>();
    try {
      while (probe.isEmpty()) {
        assertTrue(
            search.isAlive(),
            "the run ended early: " + Files.readString(tmp.resolve("probe-run.log")));
        assertFalse(
            Files.exists(out.resolve(OutputLock.FILE_NAME)),
            "the run got past building its pipeline before a child process was seen");
        probe.addAll(search.toHandle().descendants().toList());
        Thread.sleep(100);
      }
      search.destroy(); // SIGTERM
      assertTrue(search.waitFor(60, TimeUnit.SECONDS), "the run ends on SIGTERM");
      // The hook ends the children before the JVM exits; a second covers the kernel's reaping. (A
      // probe left running would go on for many seconds.)
      for (ProcessHandle p : probe) {
        try {
          p.onExit().get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          // Asserted below.
        }
        assertFalse(
            p.isAlive(),
            "process "
                + p.pid()
                + " ("
                + p.info().commandLine().orElse("?")
                + ") outlived the main job: "
                + Files.readString(tmp.resolve("probe-run.log")));
      }
    } finally {
      search.destroyForcibly();
      probe.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static List<Long> pidsIn(Path dir) throws Exception {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f).strip();
        if (!text.isEmpty()) {
          pids.add(Long.parseLong(text));
        }
      }
    }
    return pids;
  }
}
