package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cuts all pending trials into fused groups sized for the workers. */
final class PlanFn extends DoFn<KV<String, Iterable<Trial>>, KV<Integer, PlannedGroup>> {
  // Logs under TrainLocally, the name users know and configure.
  private static final Logger LOG = LoggerFactory.getLogger(TrainLocally.class);
  private final LocalSettings settings;

  PlanFn(LocalSettings settings) {
    this.settings = settings;
  }

  @ProcessElement
  public void process(
      @Element KV<String, Iterable<Trial>> all, OutputReceiver<KV<Integer, PlannedGroup>> out) {
    List<Trial> trials = new ArrayList<>();
    all.getValue().forEach(trials::add);
    trials.sort(java.util.Comparator.comparing(Trial::id));
    if (!settings.program().isBuiltIn()) {
      ProgramResume.plan(trials, settings).forEach(out::output);
      return;
    }
    Map<String, MemberRun> members = new HashMap<>();
    trials.forEach(t -> members.put(t.id(), LocalTrial.member(t, settings)));
    int workers = WorkerSlots.resolveWorkers(settings);
    // The activation is part of the planner's key: mixed-activation groups measured slower than
    // none (FusionPlanner).
    List<FusionPlanner.Group<Trial>> groups =
        FusionPlanner.plan(
            trials,
            t ->
                members.get(t.id()).config().fusionKey()
                    + "/"
                    + members.get(t.id()).config().activation(),
            t -> LocalTrial.work(members.get(t.id())),
            settings.maxFuse(),
            workers,
            settings.fusionCosts());
    long modelEpochs = 0;
    for (Trial t : trials) {
      modelEpochs += members.get(t.id()).config().epochs();
    }
    StudyProgress.of(settings.run()).planned(trials.size(), modelEpochs);
    long wide = groups.stream().filter(g -> g.width() > 1).count();
    LOG.info(
        "{} trials to train in {} fused groups on {} worker(s){}",
        trials.size(),
        groups.size(),
        workers,
        wide == 0 ? "" : ", the last " + wide + " on every core");
    List<Integer> lanes =
        FusionPlanner.lanes(
            groups.stream().map(FusionPlanner.Group::members).toList(),
            t -> LocalTrial.work(members.get(t.id())),
            settings.lanes() > 0 ? settings.lanes() : groups.size());
    for (int g = 0; g < groups.size(); g++) {
      out.output(
          KV.of(lanes.get(g), new PlannedGroup(groups.get(g).members(), groups.get(g).width(), g)));
    }
  }
}
