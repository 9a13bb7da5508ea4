package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.TrialStatus;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.annotations.Internal;

/**
 * One trial of a finished study as a replay reads it: its parameters (every value it trained with,
 * fixed ones included), how it ended, and its per-epoch metrics and seconds. {@code error} is the
 * reason of a FAILED trial, else null.
 */
@Internal
public record RecordedTrial(
    String id,
    Map<String, String> parameters,
    TrialStatus status,
    String error,
    List<EpochRecord> history,
    String device)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RecordedTrial {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    history = List.copyOf(history);
  }

  /** Epochs recorded. */
  public int epochs() {
    return history.size();
  }
}
