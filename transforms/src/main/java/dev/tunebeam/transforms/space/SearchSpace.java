package dev.tunebeam.transforms.space;

import dev.tunebeam.transforms.results.Objective;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A study: ordered searched parameters, fixed values every trial gets, and how to expand them
 * ({@link Algorithm#GRID} or {@link Algorithm#RANDOM} with {@code samples} and {@code seed}).
 * Built in Java with {@link #builder(String)} or loaded from YAML/JSON by {@link SearchSpaceLoader};
 * both paths validate the same way, with messages that name the parameter and what is allowed.
 */
public record SearchSpace(
    String study,
    Algorithm algorithm,
    int samples,
    long seed,
    List<ParameterSpec> parameters,
    Map<String, String> fixed,
    Set<String> passThrough,
    Map<String, Condition> conditions,
    AlgorithmSettings settings,
    int repeats,
    Objective objective) implements Serializable {
  private static final long serialVersionUID = 1L;

  public SearchSpace {
    parameters = List.copyOf(parameters);
    fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    passThrough = Collections.unmodifiableSet(new LinkedHashSet<>(passThrough));
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    settings = settings == null ? AlgorithmSettings.DEFAULTS : settings;
    validate(study, algorithm, samples, parameters, fixed, passThrough);
    settings.check(algorithm);
    new Conditions(parameters, conditions);
    Repeats.check(repeats, parameters);
  }

  /** Each point once, objective not stated. */
  public SearchSpace(String study, Algorithm algorithm, int samples, long seed, List<ParameterSpec> parameters, Map<String, String> fixed,
      Set<String> passThrough, Map<String, Condition> conditions, AlgorithmSettings settings) {
    this(study, algorithm, samples, seed, parameters, fixed, passThrough, conditions, settings, 1, null);
  }

  /** A copy that trains each point {@code n} times, with seeds seed, seed+1, ... */
  public SearchSpace withRepeats(int n) {
    return new SearchSpace(study, algorithm, samples, seed, parameters, fixed, passThrough, conditions, settings, n, objective);
  }

  public SearchSpace withObjective(Objective o) {
    return new SearchSpace(study, algorithm, samples, seed, parameters, fixed, passThrough, conditions, settings, repeats, o);
  }

  /** The objective the space states, else the default; test accuracy for a study without a validation split. */
  public Objective effectiveObjective() {
    return withoutValidationIfOff(objective == null ? Objective.DEFAULT : objective);
  }

  /** {@code o}, or its test-set form when every trial has {@code validation_samples: 0}. */
  public Objective withoutValidationIfOff(Objective o) {
    return "0".equals(fixed.get("validation_samples")) ? o.withoutValidation() : o;
  }

  /** The space's conditional structure ({@code when:} on parameters). */
  public Conditions conditional() {
    return new Conditions(parameters, conditions);
  }

  public static Builder builder(String study) {
    return new Builder(study);
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

  /** A copy where every trial gets {@code name = value}, replacing a searched or fixed value. */
  public SearchSpace withFixed(String name, String value) {
    List<ParameterSpec> kept = parameters.stream().filter(p -> !p.name().equals(name)).toList();
    Map<String, String> f = new LinkedHashMap<>(fixed);
    f.put(name, value);
    // A child of the now-fixed parameter is always on, or never: its condition is decided here.
    Map<String, Condition> c = new LinkedHashMap<>(conditions);
    c.remove(name);
    List<String> off = c.entrySet().stream().filter(e -> e.getValue().parent().equals(name) && !e.getValue().values().contains(value))
        .map(Map.Entry::getKey).toList();
    c.values().removeIf(cond -> cond.parent().equals(name));
    kept = kept.stream().filter(p -> !off.contains(p.name())).toList();
    off.forEach(c::remove);
    return new SearchSpace(study, algorithm, samples, seed, kept, f, passThrough, c, settings, repeats, objective);
  }

  /**
   * Distinct trials: a grid's point count (counted, not expanded), random's sample count, or an
   * adaptive schedule's trial count ({@link SpaceSize}).
   */
  public long size() {
    return Math.multiplyExact(SpaceSize.trials(this), (long) repeats);
  }

  /** The points a schedule starts from: {@code samples} random points when samples is set, else the grid. */
  public List<Trial> basePoints() {
    return samples > 0 ? randomTrials(samples, seed) : gridTrials();
  }

  /** How many base points there are, without expanding them. */
  public long basePointCount() {
    return samples > 0 ? Math.min(samples, conditional().finiteSizeOr(samples)) : SpaceSize.gridTrials(this);
  }

  /** Expands a grid or random space into trials, refusing more than {@code maxTrials}; each is checked against the trainer. */
  public List<Trial> trials(int maxTrials) {
    SpaceSize.checkFits(this, maxTrials);
    if (algorithm.adaptive()) {
      throw new IllegalArgumentException("algorithm " + algorithm.key() + " trains in rungs or rounds; expand it with RunSchedule, not as a flat list");
    }
    List<Trial> trials = Repeats.expand(algorithm == Algorithm.GRID ? gridTrials() : randomTrials(samples, seed), repeats, study);
    checkAll(trials);
    return trials;
  }

  /** Throws, naming the trial, if the trainer would refuse one of them. */
  public void checkAll(List<Trial> trials) {
    for (Trial t : trials) {
      try {
        TrainerParameters.check(t, passThrough);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("search space " + study + ", trial " + t.describe() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Every grid point; a parameter whose condition does not hold is absent from that trial. */
  public List<Trial> gridTrials() {
    return conditional().grid().stream().map(this::trial).toList();
  }

  /** {@code count} distinct points drawn with {@code seed}; a space smaller than that yields every point it has. */
  public List<Trial> randomTrials(int count, long seed) {
    Random random = new Random(seed);
    Conditions c = conditional();
    Map<String, Trial> unique = new LinkedHashMap<>();
    for (long attempt = 0; attempt < count * 20L && unique.size() < count; attempt++) {
      Trial t = trial(c.sample(random));
      unique.putIfAbsent(t.id(), t);
    }
    return List.copyOf(unique.values());
  }

  /** The trial for a point of searched values: the fixed values added, the id from both. */
  public Trial trial(Map<String, String> point) {
    Map<String, String> all = new LinkedHashMap<>(point);
    all.putAll(fixed);
    return Trial.of(study, all);
  }

  private static void validate(
      String study, Algorithm algorithm, int samples, List<ParameterSpec> parameters, Map<String, String> fixed, Set<String> passThrough) {
    if (study == null || !study.matches("[a-z][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException("study " + study + " is not allowed; use 1-63 lowercase letters, digits, '_' and '-', starting with a letter");
    }
    if (algorithm == null) {
      throw new IllegalArgumentException("algorithm is missing; allowed: grid, random, halving, hyperband, tpe");
    }
    if (algorithm == Algorithm.RANDOM && samples < 1) {
      throw new IllegalArgumentException("algorithm random needs samples of at least 1, got " + samples);
    }
    Set<String> seen = new HashSet<>();
    for (ParameterSpec p : parameters) {
      name(p.name(), passThrough);
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " is declared twice; declare each parameter once");
      }
      // Halving without samples expands the grid, so its ranges need steps as a grid's do.
      spec(p, algorithm == Algorithm.HALVING && samples == 0 ? Algorithm.GRID : algorithm);
      for (String v : passThrough.contains(TrainerParameters.ALL) ? List.<String>of() : valuesToCheck(p)) {
        checkValue(p.name(), v);
      }
    }
    for (Map.Entry<String, String> f : fixed.entrySet()) {
      name(f.getKey(), passThrough);
      if (!seen.add(f.getKey())) {
        throw new IllegalArgumentException("parameter " + f.getKey() + " is both searched and fixed; keep one");
      }
      if (f.getValue() == null || f.getValue().isBlank()) {
        throw new IllegalArgumentException("fixed parameter " + f.getKey() + " has no value");
      }
      if (!passThrough.contains(TrainerParameters.ALL)) {
        checkValue(f.getKey(), f.getValue());
      }
    }
  }

  private static void name(String name, Set<String> passThrough) {
    if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("parameter name " + name + " is not allowed; use lowercase letters, digits and '_', starting with a letter");
    }
    if (!TrainerParameters.KNOWN.contains(name) && !passThrough.contains(name) && !passThrough.contains(TrainerParameters.ALL)) {
      throw new IllegalArgumentException("parameter " + name + " is unknown; known: " + String.join(", ", new java.util.TreeSet<>(TrainerParameters.KNOWN))
          + " (or declare it under passthrough to hand it to your own container)");
    }
  }

  private static void checkValue(String name, String value) {
    try {
      TrainerParameters.checkValue(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter " + name + ": " + e.getMessage(), e);
    }
  }

  /** The values of a parameter the trainer can check one by one: every listed value, or a range's ends. */
  private static List<String> valuesToCheck(ParameterSpec p) {
    if (p instanceof ParameterSpec.IntegerRange r) {
      return List.of(Long.toString(r.min()), Long.toString(r.max()));
    }
    if (p instanceof ParameterSpec.DoubleRange r) {
      return List.of(ParameterValues.canonical(r.min()), ParameterValues.canonical(r.max()));
    }
    return p.gridValues();
  }

  private static void spec(ParameterSpec p, Algorithm algorithm) {
    if (p instanceof ParameterSpec.Categorical c) {
      values(c.name(), c.values(), "value");
    } else if (p instanceof ParameterSpec.Discrete d) {
      values(d.name(), d.values(), "number");
    } else if (p instanceof ParameterSpec.IntegerRange r) {
      range(r.name(), r.min(), r.max(), r.scale(), r.steps(), algorithm);
    } else if (p instanceof ParameterSpec.DoubleRange r) {
      range(r.name(), r.min(), r.max(), r.scale(), r.steps(), algorithm);
    }
  }

  private static void values(String name, List<?> values, String what) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("parameter " + name + " has an empty values list; give at least one " + what);
    }
    if (new HashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException("parameter " + name + " lists a value twice: " + values + "; list each once");
    }
  }

  private static void range(String name, double min, double max, Scale scale, Integer steps, Algorithm algorithm) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("parameter " + name + " needs finite min and max");
    }
    if (min > max) {
      throw new IllegalArgumentException("parameter " + name + " has min " + ParameterValues.canonical(min) + " > max " + ParameterValues.canonical(max) + "; min must not exceed max");
    }
    if (scale == Scale.LOG && min <= 0) {
      throw new IllegalArgumentException("parameter " + name + " has scale log with min " + ParameterValues.canonical(min) + "; a log scale needs min > 0");
    }
    if (steps != null && steps < 1) {
      throw new IllegalArgumentException("parameter " + name + " has steps " + steps + "; steps must be at least 1");
    }
    if (algorithm == Algorithm.GRID && steps == null) {
      throw new IllegalArgumentException("parameter " + name + " is a range in a grid search without steps; add steps: N (grid points), or use algorithm: random (for halving: samples: N)");
    }
  }

  /** Java-side construction, validated like a file. */
  public static final class Builder {
    private final String study;
    private Algorithm algorithm = Algorithm.GRID;
    private int samples;
    private long seed;
    private final List<ParameterSpec> parameters = new ArrayList<>();
    private final Map<String, String> fixed = new LinkedHashMap<>();
    private final Set<String> passThrough = new LinkedHashSet<>();
    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private AlgorithmSettings settings = AlgorithmSettings.DEFAULTS;
    private int repeats = 1;
    private Objective objective;

    private Builder(String study) {
      this.study = study;
    }

    public Builder grid() {
      algorithm = Algorithm.GRID;
      return this;
    }

    public Builder random(int samples, long seed) {
      this.algorithm = Algorithm.RANDOM;
      this.samples = samples;
      this.seed = seed;
      return this;
    }

    /** Successive halving over the grid (or {@code samples} random points, when samples > 0). */
    public Builder halving(int eta, int minEpochs) {
      algorithm = Algorithm.HALVING;
      settings = new AlgorithmSettings(eta, minEpochs, settings.trials(), settings.batch());
      return this;
    }

    public Builder hyperband(int eta, int minEpochs, long seed) {
      algorithm = Algorithm.HYPERBAND;
      this.seed = seed;
      settings = new AlgorithmSettings(eta, minEpochs, settings.trials(), settings.batch());
      return this;
    }

    public Builder tpe(int trials, int batch, long seed) {
      algorithm = Algorithm.TPE;
      this.seed = seed;
      settings = new AlgorithmSettings(settings.eta(), settings.minEpochs(), trials, batch);
      return this;
    }

    /** Sets the algorithm and its settings as read from a file. */
    public Builder algorithm(Algorithm algorithm, int samples, long seed, AlgorithmSettings settings) {
      this.algorithm = algorithm;
      this.samples = samples;
      this.seed = seed;
      this.settings = settings;
      return this;
    }

    /** {@code name} exists only where {@code parent} has one of {@code values}. */
    public Builder when(String name, String parent, String... values) {
      conditions.put(name, new Condition(parent, List.of(values)));
      return this;
    }

    public Builder categorical(String name, String... values) {
      parameters.add(new ParameterSpec.Categorical(name, List.of(values)));
      return this;
    }

    public Builder discrete(String name, double... values) {
      List<Double> v = new ArrayList<>();
      for (double d : values) {
        v.add(d);
      }
      parameters.add(new ParameterSpec.Discrete(name, v));
      return this;
    }

    public Builder integerRange(String name, long min, long max, Scale scale, Integer steps) {
      parameters.add(new ParameterSpec.IntegerRange(name, min, max, scale, steps));
      return this;
    }

    public Builder doubleRange(String name, double min, double max, Scale scale, Integer steps) {
      parameters.add(new ParameterSpec.DoubleRange(name, min, max, scale, steps));
      return this;
    }

    public Builder parameter(ParameterSpec spec) {
      parameters.add(spec);
      return this;
    }

    public Builder fixed(String name, String value) {
      fixed.put(name, value);
      return this;
    }

    /** For a command trainer: every parameter passes to it unchecked, named as in the space. */
    public Builder uncheckedParameters() {
      passThrough.add(TrainerParameters.ALL);
      return this;
    }

    public Builder passThrough(String name) {
      passThrough.add(name);
      return this;
    }

    /** Each point trained {@code n} times, with seeds seed, seed+1, ... */
    public Builder repeats(int n) {
      repeats = n;
      return this;
    }

    public Builder objective(Objective o) {
      objective = o;
      return this;
    }

    public SearchSpace build() {
      return new SearchSpace(study, algorithm, samples, seed, parameters, fixed, passThrough, conditions, settings, repeats, objective);
    }
  }
}
