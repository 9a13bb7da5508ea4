package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.report.WorkerOutcome;
import dev.tunebeam.transforms.run.StudyRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane's trainer JVM trains group after group, and one whose job failed is never given another.
 */
@Tag("integration")
class WarmWorkerTest {
  @TempDir Path dir;

  @Test
  void oneProcessTrainsGroupAfterGroup() throws Exception {
    List<String> linesA = new ArrayList<>();
    List<String> linesB = new ArrayList<>();
    try (WarmWorker worker = WarmWorker.start("1g", List.of())) {
      long pid = worker.handle().pid();
      WorkerProcess.Exit first =
          worker.train(group("a", 64), 1, dir.resolve("a.outcome.json"), 300, linesA::add);
      WorkerProcess.Exit second =
          worker.train(group("b", 64), 1, dir.resolve("b.outcome.json"), 300, linesB::add);

      assertTrue(first.ok(), first.tail());
      assertTrue(second.ok(), second.tail());
      assertEquals(pid, worker.handle().pid());
      assertTrue(worker.reusable());
      assertTrue(Files.exists(dir.resolve("a/metrics.json")));
      assertTrue(Files.exists(dir.resolve("b/metrics.json")));
      assertTrue(WorkerOutcome.read(dir.resolve("b.outcome.json")).orElseThrow().ok());
      // Each job's lines are its own and end before its marker, which the caller never sees.
      assertTrue(
          linesA.stream().anyMatch(l -> l.startsWith("@progress {\"trial\":\"a\"")),
          String.join("\n", linesA));
      assertTrue(
          linesB.stream().anyMatch(l -> l.startsWith("@progress {\"trial\":\"b\"")),
          String.join("\n", linesB));
      assertTrue(
          linesB.stream().noneMatch(l -> l.contains("\"trial\":\"a\"")), String.join("\n", linesB));
      for (List<String> lines : List.of(linesA, linesB)) {
        assertTrue(
            lines.stream().noneMatch(l -> l.contains("@worker-done")), String.join("\n", lines));
      }
    }
  }

  @Test
  void aPrestartedWorkerWarmsUpAheadAndTakesTheFirstGroup() throws Exception {
    java.util.Set<Long> before = workerPids();
    try (WarmWorkers pool = new WarmWorkers("1g", List.of())) {
      pool.prestart(1, DataLocator.DEBIAN_DIR.toString(), 1);
      long prestarted = newWorker(before);

      WarmWorker w = pool.take();
      List<String> lines = new ArrayList<>();
      WorkerProcess.Exit first =
          w.train(group("a", 64), 1, dir.resolve("a.outcome.json"), 300, lines::add);
      pool.giveBack(w);

      assertEquals(prestarted, w.handle().pid(), "the lane takes the worker started ahead");
      assertEquals(
          java.util.Set.of(prestarted),
          difference(workerPids(), before),
          "and starts no other one");
      assertTrue(first.ok(), first.tail());
      assertTrue(
          lines.stream().noneMatch(l -> l.contains("@worker-done") || l.contains("warm")),
          String.join("\n", lines));
      assertTrue(Files.exists(dir.resolve("a/metrics.json")));
    }
  }

  @Test
  void startWorkersStartsOneWarmWorkerPerLaneForTheBuiltInTrainerAndNoneForACommand()
      throws Exception {
    java.util.Set<Long> before = workerPids();
    try (StudyRun run = StudyRun.create()) {
      TrainLocally.to(dir.toString()).withRun(run).command(List.of("true")).startWorkers();
      TrainLocally builtIn =
          TrainLocally.to(dir.toString())
              .withRun(run)
              .withWorkers(2)
              .withDataDirectory(DataLocator.DEBIAN_DIR.toString());
      builtIn.startWorkers();
      WarmWorkers pool = WarmWorkers.forRun(builtIn.settings());
      for (int i = 0; i < 1200 && pool.idleCount() < 2; i++) {
        Thread.sleep(100);
      }

      assertEquals(2, pool.idleCount(), "both workers warmed up and wait in the run's pool");
      assertEquals(2, difference(workerPids(), before).size(), "and no worker for the command");
    }
  }

  /**
   * The child processes of this JVM alive now: trainer workers here (a worker's long command line
   * is not always readable from /proc, so they are not told apart by it).
   */
  private static java.util.Set<Long> workerPids() {
    java.util.Set<Long> pids = new java.util.HashSet<>();
    ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .forEach(p -> pids.add(p.pid()));
    return pids;
  }

  private static java.util.Set<Long> difference(java.util.Set<Long> a, java.util.Set<Long> b) {
    java.util.Set<Long> d = new java.util.HashSet<>(a);
    d.removeAll(b);
    return d;
  }

  /** Waits (up to a minute) for one worker JVM that was not running {@code before}. */
  private static long newWorker(java.util.Set<Long> before) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      java.util.Set<Long> started = difference(workerPids(), before);
      if (!started.isEmpty()) {
        assertEquals(1, started.size(), started.toString());
        return started.iterator().next();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no worker was started ahead");
  }

  @Test
  void aFailedJobEndsItsWorkerAndThePoolStartsAFreshOne() throws Exception {
    try (WarmWorkers pool = new WarmWorkers("1g", List.of())) {
      WarmWorker bad = pool.take();
      WorkerProcess.Exit refused =
          bad.train(group("big", 4096), 1, dir.resolve("big.outcome.json"), 300, l -> {});
      assertEquals(2, refused.code(), refused.tail());
      assertFalse(bad.reusable());
      WorkerOutcome told = WorkerOutcome.read(dir.resolve("big.outcome.json")).orElseThrow();
      assertTrue(told.usageError() && told.error().contains("--batch-size 4096"), told.error());
      pool.giveBack(bad);
      assertTrue(bad.handle().onExit().get(30, TimeUnit.SECONDS) != null);

      WarmWorker fresh = pool.take();
      assertNotEquals(bad.handle().pid(), fresh.handle().pid());
      assertTrue(
          fresh.train(group("ok", 64), 1, dir.resolve("ok.outcome.json"), 300, l -> {}).ok());
      pool.giveBack(fresh);
      WarmWorker again = pool.take();
      assertEquals(
          fresh.handle().pid(), again.handle().pid(), "a worker whose job succeeded is reused");
      pool.giveBack(again);
    }
  }

  @Test
  void aWorkerThatDiedWhileIdleIsReplaced() throws Exception {
    try (WarmWorkers pool = new WarmWorkers("1g", List.of())) {
      WarmWorker first = pool.take();
      pool.giveBack(first);
      first.handle().destroyForcibly();
      first.handle().onExit().get(30, TimeUnit.SECONDS);

      WorkerProcess.Exit exit =
          pool.train(group("after", 64), 1, dir.resolve("after.outcome.json"), 300, l -> {});

      assertTrue(exit.ok(), exit.tail());
      assertTrue(Files.exists(dir.resolve("after/metrics.json")));
    }
  }

  @Test
  void closingTheRunEndsItsIdleWorkers() throws Exception {
    StudyRun run = StudyRun.create();
    LocalSettings settings = LocalSettings.defaults(dir.toString()).toBuilder().setRun(run).build();
    WarmWorkers pool = WarmWorkers.forRun(settings);
    WarmWorker worker = pool.take();
    pool.giveBack(worker);
    assertTrue(worker.handle().isAlive());

    run.close();

    worker.handle().onExit().get(30, TimeUnit.SECONDS);
    assertFalse(worker.handle().isAlive());
  }

  @Test
  void aWorkerWhoseJobTrainedWellBelowItsOwnPaceIsRetiredAndThePoolStartsAFreshOne()
      throws Exception {
    // An earlier job of the same shape (256 images, batch 64, one model) recorded at 100 times
    // the pace any worker trains at, so the real job below is well below it.
    WorkerPace pace = new WorkerPace(WorkerPace.RETIRE_BELOW, 0);
    pace.startJob(1);
    pace.accept(
        "@progress {\"trial\":\"earlier\",\"epoch\":1,\"epochs\":1,\"pace\":{\"train_seconds\":0.001,"
            + "\"cpu_seconds\":0.001,\"images\":256,\"batch_size\":64,\"models\":1},\"seconds\":0.001}");
    assertTrue(pace.endJob().isEmpty());
    try (WarmWorkers pool = new WarmWorkers("1g", List.of())) {
      WarmWorker slow = WarmWorker.start("1g", List.of(), WorkerMemory::applyTo, pace);

      WorkerProcess.Exit exit =
          slow.train(group("paced", 64), 1, dir.resolve("paced.outcome.json"), 300, l -> {});

      assertTrue(exit.ok(), exit.tail());
      assertTrue(Files.exists(dir.resolve("paced/metrics.json")), "its job's results stand");
      assertFalse(slow.reusable());
      String why = slow.retired().orElseThrow();
      assertTrue(why.contains("slower than its own earlier job"), why);
      pool.giveBack(slow);
      assertTrue(slow.handle().onExit().get(30, TimeUnit.SECONDS) != null);
      WarmWorker next = pool.take();
      assertNotEquals(slow.handle().pid(), next.handle().pid());
      assertTrue(next.retired().isEmpty());
      pool.giveBack(next);
    }
  }

  @Test
  void workersStartWithTheAllocatorSettingsUnlessTheUserSetThemFirst() throws Exception {
    try (WarmWorker worker = WarmWorker.start("1g", List.of())) {
      Path environ = Path.of("/proc", String.valueOf(worker.handle().pid()), "environ");
      assumeTrue(Files.isReadable(environ), "reads the environment of a Linux process");
      List<String> variables =
          List.of(new String(Files.readAllBytes(environ), StandardCharsets.UTF_8).split("\0"));
      for (var setting : WorkerMemory.ENVIRONMENT.entrySet()) {
        assertTrue(
            variables.contains(setting.getKey() + "=" + setting.getValue()),
            setting + " in " + variables);
      }
    }
    Map<String, String> users = new HashMap<>(Map.of("MALLOC_TOP_PAD_", "0"));
    WorkerMemory.applyTo(users);
    assertEquals("0", users.get("MALLOC_TOP_PAD_"));
    assertEquals(WorkerMemory.ENVIRONMENT.size(), users.size());
  }

  /**
   * A group file of one member training {@code samples} images for one epoch, with the given batch
   * size.
   */
  private Path group(String trial, int batch) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode args = root.putArray("members").addObject().putArray("args");
    List.of(
            "--trial-id",
            trial,
            "--num-epochs",
            "1",
            "--batch-size",
            String.valueOf(batch),
            "--train-samples",
            "256",
            "--validation-samples",
            "128",
            "--test-samples",
            "128",
            "--data-dir",
            DataLocator.DEBIAN_DIR.toString(),
            "--model-dir",
            dir.resolve(trial).toString(),
            "--checkpoint-dir",
            dir.resolve(trial + "-checkpoint").toString())
        .forEach(args::add);
    Path file = dir.resolve(trial + ".json");
    Files.write(file, json.writeValueAsBytes(root));
    return file;
  }
}
