package dev.tunebeam.transforms.space;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study: ordered searched parameters, fixed values every trial gets, and the search algorithm
 * that turns them into trials, as that algorithm's settings record ({@link AlgorithmSettings}; grid
 * unless another is named) with the study's {@code seed}. Built in Java with {@link
 * #builder(String)} or loaded from YAML/JSON by {@link SearchSpaceLoader}; both paths are checked
 * once, here, by {@link SpaceChecks}, with messages that name the parameter and what is allowed.
 * Grid points and random draws are {@link SpaceExpansion}'s; what an algorithm trains is the search
 * package's, reached through {@link AlgorithmCatalog}.
 */
public record SearchSpace(
    String study,
    AlgorithmSettings algorithm,
    long seed,
    List<ParameterSpec> parameters,
    Map<String, String> fixed,
    Set<String> passThrough,
    Map<String, Condition> conditions,
    int repeats,
    Objectives objectives)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Names a parameter may not have: the results table's own columns. */
  public static final Set<String> RESERVED_NAMES = SpaceChecks.RESULT_COLUMNS;

  public SearchSpace {
    parameters = List.copyOf(parameters);
    fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    passThrough = Collections.unmodifiableSet(new LinkedHashSet<>(passThrough));
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    SpaceChecks.check(study, algorithm, parameters, fixed, passThrough, conditions, repeats);
  }

  public static SearchSpaceBuilder builder(String study) {
    return new SearchSpaceBuilder(study);
  }

  /**
   * The reference study: activation relu/softmax/leakyrelu x optimizer sgd/adam/rmsprop x batch
   * size 32/64/128, 10 epochs each: 27 trials, with the PyTorch reference's pooling, init and
   * inputs stated, 5,000 validation images, ranked by best validation accuracy (as {@code
   * examples/reference-study.yaml}).
   */
  public static SearchSpace referenceStudy() {
    return builder("lenet5-fashion")
        .categorical("activation", "relu", "softmax", "leakyrelu")
        .categorical("optimizer", "sgd", "adam", "rmsprop")
        .discrete("batch_size", 32, 64, 128)
        .fixed("num_epochs", "10")
        .fixed("pooling", "avg")
        .fixed("init", "torch")
        .fixed("normalize", "none")
        .fixed("validation_samples", "5000")
        .objective(Objective.DEFAULT)
        .build();
  }

  /** A copy that trains each point {@code n} times, with seeds seed, seed+1, ... */
  public SearchSpace withRepeats(int n) {
    return new SearchSpace(
        study, algorithm, seed, parameters, fixed, passThrough, conditions, n, objectives);
  }

  /**
   * A copy searched by another algorithm (its settings record), for a replay that compares them.
   */
  public SearchSpace withAlgorithm(AlgorithmSettings a) {
    return new SearchSpace(
        study, a, seed, parameters, fixed, passThrough, conditions, repeats, objectives);
  }

  /** A copy whose algorithm draws with {@code s}: one more seed of a replay. */
  public SearchSpace withSeed(long s) {
    return new SearchSpace(
        study, algorithm, s, parameters, fixed, passThrough, conditions, repeats, objectives);
  }

  public SearchSpace withObjective(Objective o) {
    return withObjectives(Objectives.of(o));
  }

  public SearchSpace withObjectives(Objectives o) {
    return new SearchSpace(
        study, algorithm, seed, parameters, fixed, passThrough, conditions, repeats, o);
  }

  /**
   * A copy where every trial gets {@code name = value}, replacing a searched or fixed value. A
   * child of the now-fixed parameter is always on, or never: its condition is decided here.
   */
  public SearchSpace withFixed(String name, String value) {
    Set<String> off = conditional().offWhen(name, value);
    List<ParameterSpec> kept =
        parameters.stream().filter(p -> !p.name().equals(name) && !off.contains(p.name())).toList();
    Map<String, String> f = new LinkedHashMap<>(fixed);
    f.put(name, value);
    Map<String, Condition> c = new LinkedHashMap<>(conditions);
    c.remove(name);
    c.keySet().removeAll(off);
    c.values().removeIf(cond -> cond.parent().equals(name));
    return new SearchSpace(study, algorithm, seed, kept, f, passThrough, c, repeats, objectives);
  }

  /** The first objective the space states; null when it states none. */
  public Objective objective() {
    return objectives == null ? null : objectives.primary();
  }

  /**
   * The first objective the space states, else the default; test accuracy for a study without a
   * validation split.
   */
  public Objective effectiveObjective() {
    return effectiveObjectives().primary();
  }

  /**
   * The objectives the space states, else the default; test accuracy instead of validation accuracy
   * for a study without a validation split.
   */
  public Objectives effectiveObjectives() {
    return withoutValidationIfOff(objectives == null ? Objectives.DEFAULT : objectives);
  }

  /** {@code o}, or its test-set form when every trial has {@code validation_samples: 0}. */
  public Objective withoutValidationIfOff(Objective o) {
    return "0".equals(fixed.get("validation_samples")) ? o.withoutValidation() : o;
  }

  /** Each of {@code o} in its test-set form when every trial has {@code validation_samples: 0}. */
  public Objectives withoutValidationIfOff(Objectives o) {
    return new Objectives(o.all().stream().map(this::withoutValidationIfOff).toList());
  }

  /** The space's conditional structure ({@code when:} on parameters). */
  public Conditions conditional() {
    return new Conditions(parameters, conditions);
  }

  /**
   * Trials the algorithm trains, counted without listing them (a grid's points times its repeats,
   * an adaptive schedule's trials); {@link Long#MAX_VALUE} when that overflows.
   */
  public long size() {
    return SpaceSize.trials(this);
  }

  /**
   * Why fewer trials are planned than the algorithm's settings ask for (the space has fewer
   * distinct points); empty when all are planned. The banner and the dry run print it.
   */
  public java.util.Optional<String> plannedFewer() {
    return AlgorithmCatalog.get().plannedFewer(this);
  }

  /**
   * A one-shot algorithm's trials (grid, random), each checked against the trainer, refusing more
   * than {@code maxTrials}; an algorithm that trains in rungs or rounds is refused.
   */
  public List<Trial> trials(int maxTrials) {
    return AlgorithmCatalog.get().expand(this, maxTrials);
  }

  /** Throws, naming the trial, if the trainer would refuse one of them. */
  public void checkAll(List<Trial> trials) {
    new SpaceExpansion(this).checkAll(trials);
  }

  /** Each point {@link #repeats} times, with seeds seed, seed+1, ... */
  public List<Trial> repeated(List<Trial> points) {
    return Repeats.expand(points, repeats, study);
  }

  /** Every grid point; a parameter whose condition does not hold is absent from that trial. */
  public List<Trial> gridTrials() {
    return new SpaceExpansion(this).grid();
  }

  /**
   * {@code count} distinct points drawn with {@code seed}; a space smaller than that yields every
   * point it has.
   */
  public List<Trial> randomTrials(int count, long seed) {
    return new SpaceExpansion(this).random(count, seed);
  }

  /** The trial for a point of searched values: the fixed values added, the id from both. */
  public Trial trial(Map<String, String> point) {
    return new SpaceExpansion(this).trial(point);
  }
}
