package dev.tunebeam.transforms.search.gp;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Proposer;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.search.SearchAlgorithm;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SettingKeys;
import dev.tunebeam.transforms.space.SpaceSize;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bayesian optimisation with a Gaussian process in rounds ({@link GpRounds}): a random round 0
 * drawn with the space's seed, then rounds proposed by {@link GpSampler} from every earlier result.
 */
public final class GpSearch implements SearchAlgorithm<GpSettings> {
  public static final String KEY = "gp";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Class<GpSettings> settingsType() {
    return GpSettings.class;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("trials", "batch");
  }

  @Override
  public GpSettings read(SettingKeys keys) {
    return new GpSettings(keys.integer("trials", 0), keys.integer("batch", 0));
  }

  @Override
  public Schedule plan(SearchSpace space) {
    GpSettings s = settings(space);
    int top = Schedule.topEpochs(space);
    // A small space has fewer points than trials asked: plan what can run (requested() keeps the
    // number asked, so the run can say why).
    int trials = SpaceSize.samplerTrials(space, s.trials());
    return new Schedule(
        KEY,
        Schedule.Shape.ROUNDS,
        top,
        List.of(GpRounds.bracket(trials, Math.min(s.batch(), trials), top)));
  }

  @Override
  public long requested(SearchSpace space) {
    return settings(space).trials();
  }

  /** Round 0: random points. */
  @Override
  public List<Trial> firstTrials(SearchSpace space, Schedule schedule, Bracket bracket) {
    return space.randomTrials(bracket.rungs().get(0).trials(), space.seed());
  }

  @Override
  public Optional<Proposer> proposer(SearchSpace space) {
    return Optional.of(new GpSampler(space.conditional()));
  }
}
