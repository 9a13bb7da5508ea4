package dev.tunebeam.transforms.exec;

import static dev.tunebeam.transforms.exec.ScriptedExecutor.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.exec.TrialExecutor.Outcome;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run's queue without Beam: lanes pull the longest group left when they are free, and every
 * member of every group ends as exactly one row, whatever the executor did.
 */
class RunQueueTest {
  private final List<StudyRun> runs = new ArrayList<>();

  @AfterEach
  void closeRuns() {
    runs.forEach(StudyRun::close);
  }

  private StudyRun run(int maxFailed) {
    StudyRun r = StudyRun.create(maxFailed, Objective.DEFAULT);
    runs.add(r);
    return r;
  }

  /** Offers the groups as one stage and takes every result back, in the order they came. */
  private static List<TrialResult> runStage(
      StudyRun run, TrialExecutor executor, List<List<Trial>> groups) throws Exception {
    Stage stage = new Stage(groups.stream().mapToInt(List::size).sum());
    RunQueue.of(run, executor).offer(executor, stage, groups);
    List<TrialResult> results = new ArrayList<>();
    while (!stage.over()) {
      if (stage.take() instanceof Stage.Result r) {
        results.add(r.result());
      }
    }
    return results;
  }

  @Test
  void aLaneThatIsFreeTakesTheNextGroupWhileAnotherLaneIsStillBusy() throws Exception {
    // Four groups of the same estimate on two lanes. Dealt up front they would go two per lane;
    // here g1 turns out slow, and the other lane trains g2, g3 and g4 meanwhile.
    Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
    Map<String, Integer> laneOf = new ConcurrentHashMap<>();
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    for (String g : List.of("g1", "g2", "g3", "g4")) {
      release.put(g, new CountDownLatch(1));
    }
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "pull",
            2,
            (group, lane) -> {
              String name = group.get(0).id();
              laneOf.put(name, lane.index());
              started.add(name);
              release.get(name).await();
              return ScriptedExecutor.allSucceed(group);
            });
    StudyRun run = run(-1);
    List<List<Trial>> groups =
        List.of(
            List.of(trial("g1")), List.of(trial("g2")), List.of(trial("g3")), List.of(trial("g4")));
    Stage stage = new Stage(4);
    RunQueue.of(run, executor).offer(executor, stage, groups);
    awaitStarted(started, 2);
    assertEquals(List.of("g1", "g2"), started.stream().sorted().toList(), "equals go in order");
    release.get("g2").countDown();
    awaitStarted(started, 3);
    release.get("g3").countDown();
    awaitStarted(started, 4);
    int fast = laneOf.get("g2");
    assertEquals(fast, laneOf.get("g3"), "g3 went to the lane that was free: " + laneOf);
    assertEquals(fast, laneOf.get("g4"), "so did g4, while g1 was still running: " + laneOf);
    assertTrue(laneOf.get("g1") != fast);
    release.get("g4").countDown();
    release.get("g1").countDown();
    int results = 0;
    while (!stage.over()) {
      results += stage.take() instanceof Stage.Result ? 1 : 0;
    }
    assertEquals(4, results);
  }

  @Test
  void aGroupSeesTheLanesThatWouldIdleUntilItEnds() throws Exception {
    // Three lanes, three groups: while groups wait no lane is idle; the last group, taken while
    // the others still run, sees none either; once the others ended, a group offered alone sees
    // the two lanes that have nothing to do.
    Map<String, Integer> idleSeen = new ConcurrentHashMap<>();
    Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    for (String g : List.of("a", "b", "c", "alone")) {
      release.put(g, new CountDownLatch(1));
    }
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "idle",
            3,
            (group, lane) -> {
              String name = group.get(0).id();
              idleSeen.put(name, lane.idleLanes());
              started.add(name);
              release.get(name).await();
              return ScriptedExecutor.allSucceed(group);
            });
    StudyRun run = run(-1);
    Stage first = new Stage(3);
    RunQueue.of(run, executor)
        .offer(
            executor,
            first,
            List.of(List.of(trial("a")), List.of(trial("b")), List.of(trial("c"))));
    awaitStarted(started, 3);
    List.of("a", "b", "c").forEach(g -> release.get(g).countDown());
    while (!first.over()) {
      first.take();
    }
    Stage second = new Stage(1);
    RunQueue.of(run, executor).offer(executor, second, List.of(List.of(trial("alone"))));
    awaitStarted(started, 4);
    release.get("alone").countDown();
    while (!second.over()) {
      second.take();
    }
    assertEquals(0, idleSeen.get("a") + idleSeen.get("b") + idleSeen.get("c"), idleSeen.toString());
    assertEquals(2, idleSeen.get("alone"), idleSeen.toString());
  }

  @Test
  void theLongestGroupLeftGoesFirst() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "longest",
            1,
            (group, lane) -> {
              order.add(group.get(0).id());
              return ScriptedExecutor.allSucceed(group);
            });
    runStage(
        run(-1),
        executor,
        List.of(
            List.of(trial("short", "work=1")),
            List.of(trial("long", "work=5")),
            List.of(trial("middle", "work=3"))));
    assertEquals(List.of("long", "middle", "short"), order);
  }

  @Test
  void everyStageOfARunFeedsTheSameLanesLongestFirst() throws Exception {
    // Two stages of one run (two rungs, two brackets, or a rung and a TPE round): while the one
    // lane is busy, stage A queues a short group and stage B a long one; the lane then takes B's.
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "stages",
            1,
            (group, lane) -> {
              String name = group.get(0).id();
              order.add(name);
              if (name.equals("first")) {
                busy.countDown();
                release.await();
              }
              return ScriptedExecutor.allSucceed(group);
            });
    StudyRun run = run(-1);
    RunQueue queue = RunQueue.of(run, executor);
    Stage a = new Stage(2);
    Stage b = new Stage(1);
    queue.offer(executor, a, List.of(List.of(trial("first", "work=9"))));
    assertTrue(busy.await(20, TimeUnit.SECONDS));
    queue.offer(executor, a, List.of(List.of(trial("a-short", "work=1"))));
    queue.offer(executor, b, List.of(List.of(trial("b-long", "work=5"))));
    release.countDown();
    for (Stage s : List.of(a, b)) {
      while (!s.over()) {
        s.take();
      }
    }
    assertEquals(List.of("first", "b-long", "a-short"), order);
  }

  @Test
  void membersOfAGroupThatFailedAsAWholeRunAgainAloneOnTheQueue() throws Exception {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "retry",
            2,
            (group, lane) -> {
              sizes.add(group.size());
              return group.size() > 1
                  ? new Outcome(List.of(), group)
                  : ScriptedExecutor.allSucceed(group);
            });
    List<TrialResult> results =
        runStage(run(-1), executor, List.of(List.of(trial("a"), trial("b"), trial("c"))));
    assertEquals(3, results.size());
    assertTrue(results.stream().allMatch(TrialResult::succeeded), results.toString());
    assertEquals(List.of(3, 1, 1, 1), sizes);
  }

  @Test
  void anExecutorThatThrowsFailsItsGroupAsRowsAndTheBudgetSkipsTheRest() throws Exception {
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "throws",
            1,
            (group, lane) -> {
              if (group.get(0).id().equals("boom")) {
                throw new IllegalStateException("the cluster is gone");
              }
              return ScriptedExecutor.allSucceed(group);
            });
    StudyRun run = run(0);
    List<TrialResult> results =
        runStage(
            run,
            executor,
            List.of(
                List.of(trial("boom", "work=3")),
                List.of(trial("later", "work=2")),
                List.of(trial("last", "work=1"))));
    assertEquals(3, results.size());
    TrialResult boom = results.get(0);
    assertEquals("boom", boom.trial().id());
    assertEquals(TrialStatus.FAILED, boom.status());
    assertEquals(
        "scripted executor failed: IllegalStateException: the cluster is gone", boom.error());
    assertTrue(
        results.subList(1, 3).stream().allMatch(r -> r.status() == TrialStatus.SKIPPED),
        "more than maxFailedTrials=0 failed: the rest are not started: " + results);
    assertEquals(1, run.failureBudget().failures());
  }

  @Test
  void aMemberTheExecutorForgotIsAFailedRow() throws Exception {
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "forgets", 1, (group, lane) -> ScriptedExecutor.allSucceed(group.subList(0, 1)));
    List<TrialResult> results =
        runStage(run(-1), executor, List.of(List.of(trial("kept"), trial("forgotten"))));
    assertEquals(2, results.size());
    TrialResult lost =
        results.stream().filter(r -> r.trial().id().equals("forgotten")).findFirst().orElseThrow();
    assertEquals(TrialStatus.FAILED, lost.status());
    assertEquals("the scripted executor returned no result for this trial", lost.error());
  }

  @Test
  void theEtaFollowsEachLanesOwnPace() throws Exception {
    // Lane pace from reported epochs: the ETA of a queue with one group left is that group's
    // work at its lane's pace, not the study's average.
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ScriptedExecutor executor =
        new ScriptedExecutor(
            "eta",
            1,
            (group, lane) -> {
              Trial t = group.get(0);
              Thread.sleep(200);
              lane.line(
                  "@progress {\"trial\":\""
                      + t.id()
                      + "\",\"epoch\":1,\"epochs\":2,\"val_accuracy\":0.5,\"seconds\":0.2}");
              reported.countDown();
              finish.await();
              return ScriptedExecutor.allSucceed(group);
            });
    StudyRun run = run(-1);
    Stage stage = new Stage(1);
    RunQueue queue = RunQueue.of(run, executor);
    assertTrue(queue.etaSeconds().isEmpty(), "no pace before any epoch");
    queue.offer(executor, stage, List.of(List.of(trial("half", "work=10"))));
    assertTrue(reported.await(10, TimeUnit.SECONDS));
    double eta = queue.etaSeconds().orElseThrow();
    // Half of 10 units done in at least 0.2 s: the other half takes at least as long again.
    assertTrue(eta >= 0.19 && eta < 30, "ETA " + eta);
    finish.countDown();
    while (!stage.over()) {
      stage.take();
    }
  }

  private static void awaitStarted(List<String> started, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (started.size() < n) {
      assertTrue(System.nanoTime() < deadline, "only " + started + " started");
      Thread.sleep(5);
    }
  }
}
