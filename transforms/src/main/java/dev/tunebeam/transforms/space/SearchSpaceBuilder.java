package dev.tunebeam.transforms.space;

import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
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
  private AlgorithmSettings algorithm;
  private long seed;
  private final List<ParameterSpec> parameters = new ArrayList<>();
  private final Map<String, String> fixed = new LinkedHashMap<>();
  private final Set<String> passThrough = new LinkedHashSet<>();
  private final Map<String, Condition> conditions = new LinkedHashMap<>();
  private int repeats = 1;
  private Objectives objectives;

  SearchSpaceBuilder(String study) {
    this.study = study;
  }

  // grid() and random() read their settings by key, as a file would: the space may not name the
  // search package's records (that package depends on this one).

  /** Every grid point once (the default). */
  public SearchSpaceBuilder grid() {
    return algorithm(AlgorithmCatalog.get().read(AlgorithmCatalog.DEFAULT_KEY, SettingKeys.none()));
  }

  /** {@code samples} distinct random points drawn with {@code seed}. */
  public SearchSpaceBuilder random(int samples, long seed) {
    return algorithm(
            AlgorithmCatalog.get().read("random", SettingKeys.of(Map.of("samples", samples))))
        .seed(seed);
  }

  /**
   * The search algorithm, as its settings record: {@code new HalvingSettings(3, 1, 0)}, {@code new
   * TpeSettings(24, 4)}, ... (package {@code dev.tunebeam.transforms.search}).
   */
  public SearchSpaceBuilder algorithm(AlgorithmSettings settings) {
    this.algorithm = settings;
    return this;
  }

  /** The seed of every draw the algorithm makes (random points, Hyperband brackets, TPE). */
  public SearchSpaceBuilder seed(long seed) {
    this.seed = seed;
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
    AlgorithmSettings chosen =
        algorithm != null
            ? algorithm
            : AlgorithmCatalog.get().read(AlgorithmCatalog.DEFAULT_KEY, SettingKeys.none());
    return new SearchSpace(
        study, chosen, seed, parameters, fixed, passThrough, conditions, repeats, objectives);
  }
}
