package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.transforms.study.Objectives;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A finished study's trials with their per-epoch results, read from an output folder or a compact
 * recording file ({@link RecordingFiles}): what a replay looks trials up in instead of training
 * them. {@code objectives} are those the study was ranked by; {@code source} where it was read, for
 * messages; {@code made} how the recording was made (command, machine, date), empty when unknown.
 */
@Internal
public record Recording(
    String study,
    Objectives objectives,
    List<RecordedTrial> trials,
    String source,
    Map<String, String> made)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Recording {
    trials = List.copyOf(trials);
    made = Map.copyOf(made);
  }

  /** Each parameter's recorded values, sorted, for a refusal that says what the recording holds. */
  public Map<String, TreeSet<String>> values() {
    Map<String, TreeSet<String>> values = new TreeMap<>();
    for (RecordedTrial t : trials) {
      t.parameters().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
    }
    return values;
  }

  /** Metric tags the recording reports, over every epoch of every trial. */
  public TreeSet<String> metrics() {
    TreeSet<String> tags = new TreeSet<>();
    trials.forEach(t -> t.history().forEach(e -> tags.addAll(e.metrics().keySet())));
    return tags;
  }
}
