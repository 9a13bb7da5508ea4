package dev.tunebeam.transforms.dispatch;

import dev.tunebeam.transforms.study.Trial;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Splits trials by {@link BackendRule}: one part per known {@link Backend}; {@link #of} picks a
 * backend's. {@link RunTrials} uses it; so does a pipeline that submits Vertex trials without
 * waiting and needs the two halves apart.
 */
public final class RouteTrials extends PTransform<PCollection<Trial>, PCollectionList<Trial>> {
  private final BackendRule rule;

  private RouteTrials(BackendRule rule) {
    this.rule = rule;
  }

  public static RouteTrials by(BackendRule rule) {
    return new RouteTrials(rule);
  }

  @Override
  public PCollectionList<Trial> expand(PCollection<Trial> trials) {
    BackendRule r = rule;
    int parts = 1;
    for (Backend b : r.targets()) {
      parts = Math.max(parts, b.index() + 1);
    }
    parts = Math.max(parts, Backend.VERTEX.index() + 1);
    return trials.apply("ByBackend", Partition.of(parts, (Trial t, int n) -> r.route(t).index()));
  }

  /** The trials for one backend out of {@link #expand}'s result. */
  public static PCollection<Trial> of(PCollectionList<Trial> routed, Backend backend) {
    return routed.get(backend.index());
  }
}
