package dev.tunebeam.transforms.space;

import dev.tunebeam.transforms.results.Objective;
import dev.tunebeam.transforms.results.Objectives;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java-side construction of a {@link SearchSpace} ({@link SearchSpace#builder(String)}); {@link
 * #build()} checks it exactly as a file is checked.
 */
public final class SearchSpaceBuilder {
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
  private Objectives objectives;

  SearchSpaceBuilder(String study) {
    this.study = study;
  }

  public SearchSpaceBuilder grid() {
    algorithm = Algorithm.GRID;
    return this;
  }

  public SearchSpaceBuilder random(int samples, long seed) {
    this.algorithm = Algorithm.RANDOM;
    this.samples = samples;
    this.seed = seed;
    return this;
  }

  /** Successive halving over the grid (or {@code samples} random points, when samples > 0). */
  public SearchSpaceBuilder halving(int eta, int minEpochs) {
    algorithm = Algorithm.HALVING;
    settings = new AlgorithmSettings(eta, minEpochs, settings.trials(), settings.batch());
    return this;
  }

  public SearchSpaceBuilder hyperband(int eta, int minEpochs, long seed) {
    algorithm = Algorithm.HYPERBAND;
    this.seed = seed;
    settings = new AlgorithmSettings(eta, minEpochs, settings.trials(), settings.batch());
    return this;
  }

  public SearchSpaceBuilder tpe(int trials, int batch, long seed) {
    algorithm = Algorithm.TPE;
    this.seed = seed;
    settings = new AlgorithmSettings(settings.eta(), settings.minEpochs(), trials, batch);
    return this;
  }

  /** Sets the algorithm and its settings as read from a file. */
  public SearchSpaceBuilder algorithm(
      Algorithm algorithm, int samples, long seed, AlgorithmSettings settings) {
    this.algorithm = algorithm;
    this.samples = samples;
    this.seed = seed;
    this.settings = settings;
    return this;
  }

  /** {@code name} exists only where {@code parent} has one of {@code values}. */
  public SearchSpaceBuilder when(String name, String parent, String... values) {
    conditions.put(name, new Condition(parent, List.of(values)));
    return this;
  }

  public SearchSpaceBuilder categorical(String name, String... values) {
    parameters.add(new ParameterSpec.Categorical(name, List.of(values)));
    return this;
  }

  public SearchSpaceBuilder discrete(String name, double... values) {
    List<Double> v = new ArrayList<>();
    for (double d : values) {
      v.add(d);
    }
    parameters.add(new ParameterSpec.Discrete(name, v));
    return this;
  }

  public SearchSpaceBuilder integerRange(
      String name, long min, long max, Scale scale, Integer steps) {
    parameters.add(new ParameterSpec.IntegerRange(name, min, max, scale, steps));
    return this;
  }

  public SearchSpaceBuilder doubleRange(
      String name, double min, double max, Scale scale, Integer steps) {
    parameters.add(new ParameterSpec.DoubleRange(name, min, max, scale, steps));
    return this;
  }

  public SearchSpaceBuilder parameter(ParameterSpec spec) {
    parameters.add(spec);
    return this;
  }

  public SearchSpaceBuilder fixed(String name, String value) {
    fixed.put(name, value);
    return this;
  }

  /** For a command trainer: every parameter passes to it unchecked, named as in the space. */
  public SearchSpaceBuilder uncheckedParameters() {
    passThrough.add(TrainerParameters.ALL);
    return this;
  }

  public SearchSpaceBuilder passThrough(String name) {
    passThrough.add(name);
    return this;
  }

  /** Each point trained {@code n} times, with seeds seed, seed+1, ... */
  public SearchSpaceBuilder repeats(int n) {
    repeats = n;
    return this;
  }

  public SearchSpaceBuilder objective(Objective o) {
    objectives = o == null ? null : Objectives.of(o);
    return this;
  }

  /** Several objectives: trials are ranked by Pareto front (see {@link Objectives}). */
  public SearchSpaceBuilder objectives(Objectives o) {
    objectives = o;
    return this;
  }

  public SearchSpace build() {
    return new SearchSpace(
        study,
        algorithm,
        samples,
        seed,
        parameters,
        fixed,
        passThrough,
        conditions,
        settings,
        repeats,
        objectives);
  }
}
