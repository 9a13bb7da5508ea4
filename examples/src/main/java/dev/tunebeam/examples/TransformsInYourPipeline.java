package dev.tunebeam.examples;

import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.study.TrialResult;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * tunebeam's transforms inside a pipeline of your own: expand a space, train, rank, then do
 * whatever your pipeline does next; here, write the best configuration as one line of text with
 * Beam's TextIO.
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:examples/target/tunebeam-examples-0.1.0-SNAPSHOT.jar \
 *     dev.tunebeam.examples.TransformsInYourPipeline out/mine
 * </pre>
 */
public final class TransformsInYourPipeline {
  private TransformsInYourPipeline() {}

  public static void main(String[] args) {
    String output = args.length > 0 ? args[0] : "out/mine";
    run(Pipeline.create(PipelineOptionsFactory.create()), output, 3000, 1000);
  }

  static void run(Pipeline p, String output, int trainSamples, int testSamples) {
    SearchSpace space =
        SearchSpace.builder("my-study")
            .categorical("optimizer", "sgd", "adam")
            .fixed("num_epochs", "1")
            .fixed("train_samples", String.valueOf(trainSamples))
            .fixed("test_samples", String.valueOf(testSamples))
            .build();

    PCollection<TrialResult> results =
        p.apply(ExpandSearchSpace.of(space))
            .apply(TrainLocally.to(output + "/artifacts").withMaxFuse(2));
    PCollection<Leaderboard> board = results.apply(RankTrials.byDefault());

    board
        .apply(
            "DescribeBest",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Leaderboard b) ->
                        b.best()
                            .map(
                                r ->
                                    String.format(
                                        "best: %s (%s) test accuracy %.4f at its chosen epoch",
                                        r.trial().id(),
                                        r.trial().describe(),
                                        r.testAccuracyAtChosen()))
                            .orElse("no trial succeeded")))
        .apply(TextIO.write().to(output + "/best").withSuffix(".txt").withoutSharding());
    p.run().waitUntilFinish();
  }
}
