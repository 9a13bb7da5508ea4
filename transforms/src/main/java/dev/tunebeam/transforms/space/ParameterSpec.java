package dev.tunebeam.transforms.space;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * One searched hyperparameter, in the four kinds Vertex AI's {@code ParameterSpec} has:
 * categorical strings, discrete numbers, and integer or double ranges on a linear or log scale.
 * Values are produced in canonical text ({@link ParameterValues}).
 */
public sealed interface ParameterSpec extends java.io.Serializable {
  String name();

  /** The values a grid takes, in order; ranges need {@code steps}. */
  List<String> gridValues();

  /** One value drawn uniformly (in log space for a log scale). */
  String sample(Random random);

  record Categorical(String name, List<String> values) implements ParameterSpec {
    public Categorical {
      values = List.copyOf(values);
    }

    @Override
    public List<String> gridValues() {
      return values;
    }

    @Override
    public String sample(Random random) {
      return values.get(random.nextInt(values.size()));
    }
  }

  record Discrete(String name, List<Double> values) implements ParameterSpec {
    public Discrete {
      values = List.copyOf(values);
    }

    @Override
    public List<String> gridValues() {
      return values.stream().map(ParameterValues::canonical).toList();
    }

    @Override
    public String sample(Random random) {
      return ParameterValues.canonical(values.get(random.nextInt(values.size())));
    }
  }

  record IntegerRange(String name, long min, long max, Scale scale, Integer steps) implements ParameterSpec {
    @Override
    public List<String> gridValues() {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (double v : Ranges.points(min, max, scale, steps)) {
        out.add(Long.toString(Math.round(v)));
      }
      return new ArrayList<>(out);
    }

    @Override
    public String sample(Random random) {
      double v = scale == Scale.LOG
          ? Ranges.draw(min, max, Scale.LOG, random)
          : Ranges.draw(min - 0.5, max + 0.5, Scale.LINEAR, random);
      return Long.toString(Math.max(min, Math.min(max, Math.round(v))));
    }
  }

  record DoubleRange(String name, double min, double max, Scale scale, Integer steps) implements ParameterSpec {
    @Override
    public List<String> gridValues() {
      return Ranges.points(min, max, scale, steps).stream().map(ParameterValues::canonical).distinct().toList();
    }

    @Override
    public String sample(Random random) {
      return ParameterValues.canonical(Ranges.draw(min, max, scale, random));
    }
  }
}
