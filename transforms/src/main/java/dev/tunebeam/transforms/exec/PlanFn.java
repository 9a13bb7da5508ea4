package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Cuts a stage's trials into the executor's groups and deals them into shares, longest first onto
 * the least loaded, so that on a runner of many machines each gets a fair part; within a share the
 * lanes pull, so the deal never decides which lane runs what. On the DirectRunner there is always
 * one share.
 */
final class PlanFn extends DoFn<KV<String, Iterable<Trial>>, KV<Integer, TrialGroup>> {
  private final TrialExecutor executor;
  private final StudyRun run;
  private final int shares;
  private transient boolean direct;

  PlanFn(TrialExecutor executor, StudyRun run, int shares) {
    this.executor = executor;
    this.run = run;
    this.shares = shares;
  }

  @StartBundle
  public void startBundle(StartBundleContext c) {
    direct = RunShareFn.onDirectRunner(c.getPipelineOptions());
  }

  @ProcessElement
  public void process(
      @Element KV<String, Iterable<Trial>> all, OutputReceiver<KV<Integer, TrialGroup>> out) {
    List<Trial> trials = new ArrayList<>();
    all.getValue().forEach(trials::add);
    trials.sort(Comparator.comparing(Trial::id));
    List<List<Trial>> groups = executor.plan(trials);
    long steps = 0;
    for (Trial t : trials) {
      steps += executor.steps(t);
    }
    StudyProgress.of(run).planned(trials.size(), steps);
    // One JVM runs everything on the DirectRunner: one share lets its lanes see every group, and
    // holds one runner thread instead of one per share.
    List<Integer> share = deal(groups, direct ? 1 : shares > 0 ? shares : groups.size());
    for (int g = 0; g < groups.size(); g++) {
      out.output(KV.of(share.get(g), new TrialGroup(groups.get(g))));
    }
  }

  /** The share of each group: longest first, each onto the least loaded share. */
  private List<Integer> deal(List<List<Trial>> groups, int count) {
    double[] load = new double[Math.max(1, count)];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> work(groups.get(i))).reversed());
    Integer[] share = new Integer[groups.size()];
    for (int i : order) {
      int least = 0;
      for (int s = 1; s < load.length; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      load[least] += work(groups.get(i));
      share[i] = least;
    }
    return List.of(share);
  }

  private double work(List<Trial> group) {
    double w = 0;
    for (Trial t : group) {
      w += executor.work(t);
    }
    return w;
  }
}
