package dev.tunebeam.transforms.results;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Every element in one list, for {@code Combine.globally}: an empty input gives an empty list, so
 * an empty study still gets its table or manifest. Beam Java has no public to-list combiner.
 */
@Internal
public final class ToList<T> extends Combine.CombineFn<T, List<T>, List<T>> {
  public static <T> ToList<T> of() {
    return new ToList<>();
  }

  @Override
  public List<T> createAccumulator() {
    return new ArrayList<>();
  }

  @Override
  public List<T> addInput(List<T> acc, T element) {
    acc.add(element);
    return acc;
  }

  @Override
  public List<T> mergeAccumulators(Iterable<List<T>> accs) {
    List<T> all = new ArrayList<>();
    accs.forEach(all::addAll);
    return all;
  }

  @Override
  public List<T> extractOutput(List<T> acc) {
    return acc;
  }

  @Override
  public Coder<List<T>> getAccumulatorCoder(CoderRegistry registry, Coder<T> input) {
    return ListCoder.of(input);
  }

  @Override
  public Coder<List<T>> getDefaultOutputCoder(CoderRegistry registry, Coder<T> input) {
    return ListCoder.of(input);
  }
}
