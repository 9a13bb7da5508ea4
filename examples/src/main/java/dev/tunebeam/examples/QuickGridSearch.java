package dev.tunebeam.examples;

import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import dev.tunebeam.transforms.space.SearchSpace;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * A 2x2 grid on a data subset: a few minutes on 2 cores. The search space is built in Java;
 * everything else is the same four transforms the main job uses.
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests
 * java -cp pipeline/target/tunebeam.jar:examples/target/tunebeam-examples-0.1.0-SNAPSHOT.jar \
 *     dev.tunebeam.examples.QuickGridSearch out/quick
 * </pre>
 */
public final class QuickGridSearch {
  private QuickGridSearch() {}

  public static void main(String[] args) {
    String output = args.length > 0 ? args[0] : "out/quick";
    SearchSpace space =
        SearchSpace.builder("quick-grid")
            .categorical("activation", "relu", "leakyrelu")
            .categorical("optimizer", "adam", "rmsprop")
            .fixed("batch_size", "64")
            .fixed("num_epochs", "2")
            .fixed("train_samples", "6000")
            .fixed("test_samples", "2000")
            .build();

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply("ExpandSearchSpace", ExpandSearchSpace.of(space))
        .apply("TrainLocally", TrainLocally.to(output))
        .apply("RankTrials", RankTrials.byDefault())
        .apply("WriteLeaderboard", WriteLeaderboard.to(output).withStudy(space.study()));
    p.run().waitUntilFinish();
    System.out.println("Leaderboard written to " + output + "/results.csv");
  }
}
