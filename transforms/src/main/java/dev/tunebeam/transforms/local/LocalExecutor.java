package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.exec.TrialExecutor;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine as a {@link TrialExecutor}: the built-in trainer's trials as fused groups in warm
 * worker JVMs (or in this JVM), or a command's or Java trainable's trials as one process each under
 * the trial contract. One lane per worker ({@link WorkerSlots#resolveWorkers}).
 */
final class LocalExecutor implements TrialExecutor {
  private static final long serialVersionUID = 1L;
  // Logs under TrainLocally, the name users know and configure.
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);
  static final String BACKEND = "local";

  private final LocalSettings settings;
  private transient volatile Map<String, MemberRun> members;

  LocalExecutor(LocalSettings settings) {
    this.settings = settings;
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public int lanes() {
    return WorkerSlots.resolveWorkers(settings);
  }

  @Override
  public int threadsPerLane() {
    return Math.min(WorkerSlots.CORES, WorkerSlots.resolveThreads(settings, lanes()));
  }

  @Override
  public String metricsNamespace() {
    return TrainLocally.class.getName();
  }

  @Override
  public Optional<TrialResult> settle(Trial trial) {
    return LocalChecks.settle(trial, settings);
  }

  @Override
  public List<List<Trial>> plan(List<Trial> trials) {
    if (!settings.program().isBuiltIn()) {
      LOG.info(
          "{} trials to run with {} on {} worker(s)",
          trials.size(),
          settings.program().describe(),
          lanes());
      return TrialExecutor.super.plan(trials);
    }
    // The activation is part of the planner's key: mixed-activation groups measured slower than
    // none (FusionPlanner).
    List<List<Trial>> groups =
        FusionPlanner.plan(
            trials,
            t -> member(t).config().fusionKey() + "/" + member(t).config().activation(),
            this::work,
            settings.maxFuse(),
            lanes(),
            settings.fusionCosts());
    LOG.info(
        "{} trials to train in {} fused groups on {} worker(s)",
        trials.size(),
        groups.size(),
        lanes());
    return groups;
  }

  @Override
  public double work(Trial trial) {
    return settings.program().isBuiltIn()
        ? LocalTrial.work(member(trial))
        : ContractResults.plannedSteps(trial);
  }

  @Override
  public long steps(Trial trial) {
    return settings.program().isBuiltIn()
        ? member(trial).config().epochs()
        : ContractResults.plannedSteps(trial);
  }

  @Override
  public Outcome run(List<Trial> group, Lane lane) throws InterruptedException {
    if (settings.program().isBuiltIn()) {
      return new GroupTrainer(settings, lane).train(group);
    }
    List<TrialResult> results = new ArrayList<>();
    for (Trial t : group) {
      results.add(new ProgramTrainer(settings, lane).train(t));
    }
    return Outcome.of(results);
  }

  /** The trial as the trainer parses it, once per trial in this instance. */
  private MemberRun member(Trial t) {
    Map<String, MemberRun> cache = members;
    if (cache == null) {
      synchronized (this) {
        if (members == null) {
          members = new ConcurrentHashMap<>();
        }
        cache = members;
      }
    }
    return cache.computeIfAbsent(t.id(), id -> LocalTrial.member(t, settings));
  }
}
