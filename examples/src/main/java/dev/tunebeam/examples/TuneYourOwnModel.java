package dev.tunebeam.examples;

import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import dev.tunebeam.transforms.space.SearchSpace;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Tunes your own model instead of the built-in LeNet-5: {@link MlpTrainable} (DJL's {@code Mlp}
 * block with {@code EasyTrain}) through {@code TrainLocally.with(trainable)}, one worker JVM per
 * trial. Parameters of your own trainer pass unchecked; it validates them itself.
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:examples/target/tunebeam-examples-0.1.0-SNAPSHOT.jar:$HOME/.m2/repository/ai/djl/model-zoo/0.36.0/model-zoo-0.36.0.jar \
 *     dev.tunebeam.examples.TuneYourOwnModel out/mlp
 * </pre>
 */
public final class TuneYourOwnModel {
  private TuneYourOwnModel() {}

  public static void main(String[] args) {
    String output = args.length > 0 ? args[0] : "out/mlp";
    SearchSpace space =
        SearchSpace.builder("fashion-mlp")
            .uncheckedParameters()
            .discrete("hidden", 64, 256)
            .discrete("learning_rate", 0.001, 0.003)
            .fixed("num_epochs", "3")
            .fixed("train_samples", "12000")
            .fixed("test_samples", "2000")
            .build();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply("ExpandSearchSpace", ExpandSearchSpace.of(space))
        .apply("TrainLocally", TrainLocally.to(output).with(new MlpTrainable()))
        .apply("RankTrials", RankTrials.byDefault())
        .apply("WriteLeaderboard", WriteLeaderboard.to(output).withStudy(space.study()));
    p.run().waitUntilFinish();
    System.out.println("Leaderboard written to " + output + "/results.csv");
  }
}
