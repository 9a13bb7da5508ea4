package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.exec.StudyProgress;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two studies in one JVM, one after the other and at the same time, on the DirectRunner with a
 * small command trainer: each run's failure budget and progress count only its own trials. Study
 * A's trials all fail (budget 0: one FAILED, the rest SKIPPED); study B's all succeed, and would be
 * SKIPPED if they saw A's failure.
 */
@Tag("integration")
class TwoStudiesInOneJvmTest {
  /**
   * Reports {@code --quality} as val_accuracy, or exits 2 when it is negative. {@code --started} is
   * created at start, {@code --after} waited for (exit 3 if it never comes), {@code --done} created
   * last: files through which the concurrent test makes the studies meet.
   */
  private static final String TRAINER =
      """
      import argparse, json, os, sys, time
      p = argparse.ArgumentParser()
      p.add_argument("--quality", type=float, required=True)
      p.add_argument("--started", default="")
      p.add_argument("--after", default="")
      p.add_argument("--done", default="")
      a = p.parse_args()
      if a.started: open(a.started, "a").close()
      deadline = time.time() + 60
      while a.after and not os.path.exists(a.after):
          if time.time() > deadline: sys.exit("never met: %s" % a.after)
          time.sleep(0.05)
      if a.done: open(a.done, "a").close()
      if a.quality < 0:
          print("error: --quality %s must not be negative" % a.quality, file=sys.stderr)
          sys.exit(2)
      with open(os.environ["CLOUD_ML_HP_METRIC_FILE"], "w") as f:
          f.write(json.dumps({"timestamp": time.time(), "trial": os.environ["CLOUD_ML_TRIAL_ID"],
                              "val_accuracy": str(a.quality), "global_step": "1"}) + "\\n")
      """;

  @TempDir Path tmp;

  @Test
  void oneAfterTheOther() throws Exception {
    int before = StudyRun.liveRuns();
    StudyRun a = StudyRun.create(0, Objective.DEFAULT);
    StudyRun b = StudyRun.create(0, Objective.DEFAULT);
    List<TrialResult> failing = study("a", a, trials("a", -1, -2, -3, Map.of()));
    List<TrialResult> passing = study("b", b, trials("b", 0.7, 0.8, 0.9, Map.of()));
    checkSeparate(a, failing, b, passing);
    a.close();
    b.close();
    assertFalse(a.live() || b.live(), "closed runs leave nothing behind");
    assertEquals(before, StudyRun.liveRuns());
  }

  @Test
  void atTheSameTime() throws Exception {
    StudyRun a = StudyRun.create(0, Objective.DEFAULT);
    StudyRun b = StudyRun.create(0, Objective.DEFAULT);
    String bStarted = tmp.resolve("b.started").toString();
    String aFailed = tmp.resolve("a.failed").toString();
    // A's first trial fails only once B's first is running, and B's first finishes only after A's
    // failed: the studies overlap,
    // and B's later trials start after A has counted its failure.
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<List<TrialResult>> failing =
          two.submit(
              () ->
                  study(
                      "a", a, trials("a", -1, -2, -3, Map.of("after", bStarted, "done", aFailed))));
      Future<List<TrialResult>> passing =
          two.submit(
              () ->
                  study(
                      "b",
                      b,
                      trials("b", 0.7, 0.8, 0.9, Map.of("started", bStarted, "after", aFailed))));
      checkSeparate(a, failing.get(), b, passing.get());
    } finally {
      two.shutdownNow();
      a.close();
      b.close();
    }
  }

  private static void checkSeparate(
      StudyRun a, List<TrialResult> failing, StudyRun b, List<TrialResult> passing) {
    assertEquals(
        1,
        failing.stream().filter(r -> r.status() == TrialStatus.FAILED).count(),
        failing.toString());
    assertEquals(
        2,
        failing.stream().filter(r -> r.status() == TrialStatus.SKIPPED).count(),
        failing.toString());
    assertEquals(
        3,
        passing.stream().filter(TrialResult::succeeded).count(),
        "B never sees A's failure: " + passing);
    assertEquals(1, a.failureBudget().failures());
    assertEquals(0, b.failureBudget().failures());
    String aStatus = StudyProgress.of(a).statusLine();
    String bStatus = StudyProgress.of(b).statusLine();
    assertEquals(
        "trials 3/3 done, 0 running, 3 failed | model-epochs 0/3 (0%) | ETA after the first epoch | best: none yet",
        aStatus);
    assertTrue(
        bStatus.startsWith("trials 3/3 done, 0 running, 0 failed | model-epochs 3/3 (100%)"),
        bStatus);
    assertTrue(bStatus.endsWith("| best val_accuracy 0.9000"), bStatus);
  }

  /**
   * Three trials of {@code study}, with {@code files} (the rendezvous flags) on the first of them
   * only when it is B, on all for A.
   */
  private static List<Trial> trials(
      String study, double q1, double q2, double q3, Map<String, String> files) {
    List<Trial> out = new ArrayList<>();
    for (double q : new double[] {q1, q2, q3}) {
      List<String> p = new ArrayList<>(List.of("quality", Double.toString(q)));
      // Every A trial carries the rendezvous (whichever runs first fails after meeting B); B's does
      // on each, harmlessly after the first.
      files.forEach((k, v) -> p.addAll(List.of(k, v)));
      out.add(CommandTrainerTest.trial(study, p.toArray(String[]::new)));
    }
    return out;
  }

  private List<TrialResult> study(String name, StudyRun run, List<Trial> trials) throws Exception {
    Path script = tmp.resolve("trainer.py");
    synchronized (TwoStudiesInOneJvmTest.class) {
      if (!Files.exists(script)) {
        Files.writeString(script, TRAINER);
      }
    }
    String key = tmp + "/" + name;
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    // One worker with one compute thread per study: each holds one core, so on two cores both
    // studies train at once.
    PAssert.that(
            p.apply(Create.of(trials))
                .apply(
                    TrainLocally.to(tmp.resolve(name).toString())
                        .command(List.of("python3", script.toString()))
                        .withWorkers(1)
                        .withThreadsPerWorker(1)
                        .withRun(run)))
        .satisfies(
            rs -> {
              List<TrialResult> all = new ArrayList<>();
              rs.forEach(all::add);
              TrainLocallyTest.SEEN.put(key, all);
              return null;
            });
    p.run().waitUntilFinish();
    return TrainLocallyTest.SEEN.remove(key);
  }
}
