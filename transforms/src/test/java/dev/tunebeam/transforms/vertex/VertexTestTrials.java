package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;

/** Small studies for the Vertex tests. */
public final class VertexTestTrials {
  private VertexTestTrials() {}

  /**
   * relu / softmax / leakyrelu with adam, batch 64, 2 epochs: three trials of different accuracy.
   */
  public static List<Trial> three() {
    return SearchSpace.builder("vertex-test")
        .categorical("activation", "relu", "softmax", "leakyrelu")
        .fixed("optimizer", "adam")
        .fixed("batch_size", "64")
        .fixed("num_epochs", "2")
        .build()
        .trials(100);
  }

  /** {@code n} trials (n <= 9) over optimizer x batch size, 1 epoch. */
  public static List<Trial> many(int n) {
    return SearchSpace.builder("vertex-many")
        .categorical("optimizer", "sgd", "adam", "rmsprop")
        .discrete("batch_size", 32, 64, 128)
        .fixed("num_epochs", "1")
        .build()
        .trials(100)
        .subList(0, n);
  }
}
