package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A recording as the points of one search space: each trial the space can ask for is matched to the
 * recorded trial with the same values, and {@link #lookUp} gives its result as of the trial's
 * {@code num_epochs}, as if it had trained that far. Matched by parameters, not by id (an id hashes
 * the study name, and a replayed space may name another study): every value the trial sets, {@code
 * num_epochs} aside, must equal the recorded one (numbers by value: {@code 64} is {@code 64.0}). A
 * value the recording has and the space does not set is the recording's own (its fixed {@code
 * pooling}, say) and is taken as it is, provided it picks out one recorded trial.
 *
 * <p>Refusals are one sentence naming the point and what the recording holds: a point it lacks, a
 * point that matches several recorded trials, a range an algorithm would draw from (its values
 * cannot all be recorded), more epochs than were recorded.
 */
@Internal
public final class RecordedPoints implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String EPOCHS = "num_epochs";

  private final Recording recording;

  private RecordedPoints(Recording recording) {
    this.recording = recording;
  }

  /**
   * The recording as {@code space}'s points, every point the space's algorithm can ask for checked
   * now: the grid of an algorithm that lists it, every point otherwise.
   */
  public static RecordedPoints of(Recording recording, SearchSpace space) {
    RecordedPoints points = new RecordedPoints(recording);
    points.check(space);
    return points;
  }

  public Recording recording() {
    return recording;
  }

  private void check(SearchSpace space) {
    if (!space.algorithm().listsGrid()) {
      for (ParameterSpec p : space.parameters()) {
        if (p instanceof ParameterSpec.IntegerRange || p instanceof ParameterSpec.DoubleRange) {
          throw new IllegalArgumentException(
              "parameter "
                  + p.name()
                  + " is a range, and algorithm "
                  + space.algorithm().key()
                  + " draws values from it that no recording holds; list the recorded values instead: "
                  + p.name()
                  + ": {type: discrete, values: "
                  + recording.values().getOrDefault(p.name(), new TreeSet<>())
                  + "}");
        }
      }
    }
    space.gridTrials().forEach(this::recorded);
  }

  /** The recorded trial with the trial's values; refused with one sentence when there is none. */
  public RecordedTrial recorded(Trial trial) {
    Map<String, String> wanted = new LinkedHashMap<>(trial.parameters());
    wanted.remove(EPOCHS);
    List<RecordedTrial> found = new ArrayList<>();
    for (RecordedTrial r : recording.trials()) {
      if (wanted.entrySet().stream()
          .allMatch(e -> same(e.getValue(), r.parameters().get(e.getKey())))) {
        found.add(r);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(missing(wanted));
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "point "
              + describe(wanted)
              + " matches "
              + found.size()
              + " trials of the recording "
              + recording.source()
              + ", which differ in "
              + differing(found)
              + "; set "
              + (differing(found).size() == 1 ? "it" : "them")
              + " in the search space");
    }
    return found.get(0);
  }

  /**
   * The trial's result as recorded, cut at its {@code num_epochs} (all recorded epochs when it has
   * none): SUCCEEDED with that part of the curve and the seconds those epochs took, or FAILED as
   * recorded. More epochs than the recording reached is refused.
   */
  public TrialResult lookUp(Trial trial, String backend) {
    RecordedTrial r = recorded(trial);
    if (r.status() == TrialStatus.FAILED) {
      return TrialResult.failed(
          trial, backend, r.error(), seconds(r.history()), recording.source());
    }
    String asked = trial.parameters().get(EPOCHS);
    int epochs = asked == null ? r.epochs() : Integer.parseInt(asked);
    if (r.status() == TrialStatus.SKIPPED || r.epochs() < epochs) {
      throw new IllegalArgumentException(
          "the recording "
              + recording.source()
              + " holds point "
              + describe(without(trial.parameters()))
              + (r.status() == TrialStatus.SKIPPED
                  ? " unrun (SKIPPED)"
                  : " to epoch " + r.epochs() + " only (" + r.status() + ")")
              + ", and this replay asks for epoch "
              + epochs
              + "; replay from a study that trained every point that far (a grid)");
    }
    List<EpochRecord> history = r.history().subList(0, epochs);
    double seconds = seconds(history);
    return TrialResult.of(
        trial,
        backend,
        TrialStatus.SUCCEEDED,
        history,
        r.device(),
        seconds,
        seconds,
        recording.source());
  }

  private static double seconds(List<EpochRecord> history) {
    return history.stream().mapToDouble(EpochRecord::seconds).filter(Double::isFinite).sum();
  }

  private String missing(Map<String, String> wanted) {
    Map<String, TreeSet<String>> values = recording.values();
    StringBuilder why = new StringBuilder();
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      TreeSet<String> has = values.get(e.getKey());
      if (has == null) {
        why.append(why.length() == 0 ? "" : "; ").append("it never sets ").append(e.getKey());
      } else if (has.stream().noneMatch(v -> same(e.getValue(), v))) {
        why.append(why.length() == 0 ? "" : "; ")
            .append(e.getKey())
            .append(" is only ")
            .append(String.join(", ", has));
      }
    }
    return "the recording "
        + recording.source()
        + " lacks point "
        + describe(wanted)
        + " ("
        + (why.length() == 0 ? "no recorded trial has these values together" : why)
        + "); search only the values it holds";
  }

  private static Set<String> differing(List<RecordedTrial> found) {
    Set<String> keys = new TreeSet<>();
    for (RecordedTrial a : found) {
      for (Map.Entry<String, String> e : a.parameters().entrySet()) {
        if (!e.getKey().equals(EPOCHS)
            && found.stream().anyMatch(b -> !same(e.getValue(), b.parameters().get(e.getKey())))) {
          keys.add(e.getKey());
        }
      }
    }
    return keys;
  }

  private static Map<String, String> without(Map<String, String> parameters) {
    Map<String, String> out = new LinkedHashMap<>(parameters);
    out.remove(EPOCHS);
    return out;
  }

  static String describe(Map<String, String> point) {
    StringBuilder s = new StringBuilder();
    point.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }

  /** Equal text, or equal numbers ({@code 64} and {@code 64.0}). */
  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
