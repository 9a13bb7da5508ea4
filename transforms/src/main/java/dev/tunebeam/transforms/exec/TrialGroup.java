package dev.tunebeam.transforms.exec;

import dev.tunebeam.transforms.study.Trial;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** Trials an executor runs as one (a fused group, or one trial), as the plan made them. */
@DefaultCoder(SerializableCoder.class)
record TrialGroup(List<Trial> trials) implements Serializable {
  TrialGroup {
    trials = List.copyOf(trials);
  }
}
