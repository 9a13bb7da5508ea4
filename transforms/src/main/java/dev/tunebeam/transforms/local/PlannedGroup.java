package dev.tunebeam.transforms.local;

import dev.tunebeam.transforms.space.Trial;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A group the planner made: its trials, how many worker slots it trains with ({@code width}: 1, or
 * every slot for a group the plan runs on the whole machine at the end), and its place in the plan,
 * which a lane follows because a grouping does not keep the order its values came in.
 */
@DefaultCoder(SerializableCoder.class)
record PlannedGroup(List<Trial> trials, int width, int order) implements Serializable {
  PlannedGroup {
    trials = List.copyOf(trials);
  }
}
