package dev.tunebeam.examples;

import dev.tunebeam.transforms.space.Scale;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.study.Trial;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two ways to describe a search: a YAML file (the same format SearchPipeline's {@code
 * --searchSpace} reads), or the Java builder, here a random search over a log-scaled learning rate.
 * Prints the trials each expands to; nothing is trained.
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:examples/target/tunebeam-examples-0.1.0-SNAPSHOT.jar \
 *     dev.tunebeam.examples.CustomSearchSpace examples/quick-grid.yaml
 * </pre>
 */
public final class CustomSearchSpace {
  private CustomSearchSpace() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      SearchSpace fromFile = SearchSpaceLoader.parse(args[0], Files.readAllBytes(Path.of(args[0])));
      print(fromFile);
    }
    SearchSpace random =
        SearchSpace.builder("lr-search")
            .random(8, 2024)
            .doubleRange("learning_rate", 1e-4, 1e-2, Scale.LOG, null)
            .categorical("optimizer", "adam", "rmsprop")
            .fixed("batch_size", "64")
            .fixed("num_epochs", "5")
            .build();
    print(random);
  }

  private static void print(SearchSpace space) {
    System.out.println(space.study() + " (" + space.algorithm().key() + "):");
    for (Trial t : space.trials(1000)) {
      System.out.println("  " + t.id() + "  " + t.describe());
    }
  }
}
