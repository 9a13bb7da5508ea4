package dev.tunebeam.transforms.exec;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TrialExecutor} for the engine's tests: what a group does is the test's {@link Script},
 * found by key (executors are serialized into the pipeline). A trial's {@code work} parameter is
 * its work, {@code group} puts trials with the same value in one group, and a trial with {@code
 * quality} succeeds with that val_accuracy unless its script says otherwise.
 */
final class ScriptedExecutor implements TrialExecutor {
  static final Map<String, Script> SCRIPTS = new ConcurrentHashMap<>();

  /** What running a group does. */
  interface Script {
    Outcome run(List<Trial> group, Lane lane) throws InterruptedException;
  }

  private final String key;
  private final int lanes;

  ScriptedExecutor(String key, int lanes, Script script) {
    this.key = key;
    this.lanes = lanes;
    SCRIPTS.put(key, script);
  }

  @Override
  public String backend() {
    return "scripted";
  }

  @Override
  public int lanes() {
    return lanes;
  }

  @Override
  public int threadsPerLane() {
    return 1;
  }

  @Override
  public List<List<Trial>> plan(List<Trial> trials) {
    Map<String, List<Trial>> groups = new LinkedHashMap<>();
    for (Trial t : trials) {
      String g = t.parameters().getOrDefault("group", t.id());
      groups.computeIfAbsent(g, k -> new ArrayList<>()).add(t);
    }
    return new ArrayList<>(groups.values());
  }

  @Override
  public double work(Trial trial) {
    return Double.parseDouble(trial.parameters().getOrDefault("work", "1"));
  }

  @Override
  public long steps(Trial trial) {
    return 1;
  }

  @Override
  public Outcome run(List<Trial> group, Lane lane) throws InterruptedException {
    return SCRIPTS.get(key).run(group, lane);
  }

  /** A trial with name {@code name} and these parameters ("k=v" pairs). */
  static Trial trial(String name, String... pairs) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", name);
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      p.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Trial(name, "engine-test", p);
  }

  /** The trial as SUCCEEDED at one epoch with its {@code quality} (0.5 without). */
  static TrialResult succeeded(Trial t) {
    double q = Double.parseDouble(t.parameters().getOrDefault("quality", "0.5"));
    return TrialResult.of(
        t,
        "scripted",
        TrialStatus.SUCCEEDED,
        List.of(
            EpochRecord.of(
                1, 1.0, Map.of(EpochRecord.VAL_ACCURACY, q, EpochRecord.TEST_ACCURACY, q))),
        "cpu",
        1,
        1,
        null);
  }

  /** Every member SUCCEEDED. */
  static Outcome allSucceed(List<Trial> group) {
    return Outcome.of(group.stream().map(ScriptedExecutor::succeeded).toList());
  }
}
