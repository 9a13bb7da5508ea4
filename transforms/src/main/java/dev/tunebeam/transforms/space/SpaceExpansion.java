package dev.tunebeam.transforms.space;

import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The two ways a {@link SearchSpace} becomes points, which every search algorithm builds on: every
 * grid point, or distinct random draws, each with only its active parameters (a parameter whose
 * condition does not hold is absent) and the fixed values added; and the check of each trial
 * against the trainer.
 */
final class SpaceExpansion {
  private final SearchSpace space;

  SpaceExpansion(SearchSpace space) {
    this.space = space;
  }

  /** Throws, naming the trial, if the trainer would refuse one of them. */
  void checkAll(List<Trial> trials) {
    for (Trial t : trials) {
      try {
        TrainerParameters.check(t, space.passThrough());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "search space " + space.study() + ", trial " + t.describe() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Every grid point, in the space's declared order. */
  List<Trial> grid() {
    Conditions conditions = space.conditional();
    List<Map<String, String>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (ParameterSpec p : conditions.parentsFirst()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> point : points) {
        if (!conditions.active(p.name(), point)) {
          next.add(point);
          continue;
        }
        for (String v : p.gridValues()) {
          Map<String, String> extended = new LinkedHashMap<>(point);
          extended.put(p.name(), v);
          next.add(extended);
        }
      }
      points = next;
    }
    return points.stream().map(conditions::declaredOrder).map(this::trial).toList();
  }

  /**
   * {@code count} distinct points drawn with {@code seed}; a space smaller than that yields every
   * point it has.
   */
  List<Trial> random(int count, long seed) {
    Random random = new Random(seed);
    Conditions conditions = space.conditional();
    Map<String, Trial> unique = new LinkedHashMap<>();
    for (long attempt = 0; attempt < count * 20L && unique.size() < count; attempt++) {
      Trial t = trial(draw(conditions, random));
      unique.putIfAbsent(t.id(), t);
    }
    return List.copyOf(unique.values());
  }

  /** One uniform draw of every active parameter. */
  private static Map<String, String> draw(Conditions conditions, Random random) {
    Map<String, String> point = new LinkedHashMap<>();
    for (ParameterSpec p : conditions.parentsFirst()) {
      if (conditions.active(p.name(), point)) {
        point.put(p.name(), p.sample(random));
      }
    }
    return conditions.declaredOrder(point);
  }

  /** The trial for a point of searched values: the fixed values added, the id from both. */
  Trial trial(Map<String, String> point) {
    Map<String, String> all = new LinkedHashMap<>(point);
    all.putAll(space.fixed());
    return Trial.of(space.study(), all);
  }
}
