package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.space.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Deals trials into {@code shards} groups, round robin by trial id, so each group is one key that
 * the runner hands to exactly one DoFn call. A DoFn that works through its group one trial at a
 * time then caps the work in flight at {@code shards} across the whole pipeline, on any runner and
 * any number of workers, which a per-JVM semaphore cannot. Dealing (rather than hashing) keeps the
 * groups within one trial of each other in size.
 */
final class RoundRobinShards
    extends PTransform<PCollection<Trial>, PCollection<KV<Integer, Iterable<Trial>>>> {
  private final int shards;

  RoundRobinShards(int shards) {
    this.shards = shards;
  }

  @Override
  public PCollection<KV<Integer, Iterable<Trial>>> expand(PCollection<Trial> trials) {
    return trials
        .apply(
            "AllTrials",
            WithKeys.<String, Trial>of("trials")
                .withKeyType(org.apache.beam.sdk.values.TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Trial.class)))
        .apply("Gather", GroupByKey.create())
        .apply("Deal", ParDo.of(new DealFn(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(Trial.class)))
        .apply("OneShardPerCall", GroupByKey.create());
  }

  static final class DealFn extends DoFn<KV<String, Iterable<Trial>>, KV<Integer, Trial>> {
    private final int shards;

    DealFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<Trial>> all, OutputReceiver<KV<Integer, Trial>> out) {
      List<Trial> trials = new ArrayList<>();
      all.getValue().forEach(trials::add);
      trials.sort(Comparator.comparing(Trial::id));
      for (int i = 0; i < trials.size(); i++) {
        out.output(KV.of(i % shards, trials.get(i)));
      }
    }
  }
}
