package dev.tunebeam.examples;

import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.dispatch.RunTrials;
import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.RankTrials;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Small-batch trials train here, the batch-128 ones run as Vertex AI jobs, and all meet in one
 * leaderboard whose {@code backend} column says where each ran. Needs Google Cloud credentials, a
 * bucket in the region and the trainer image (docs/cloud.md).
 *
 * <pre>
 * java -cp pipeline/target/tunebeam.jar:examples/target/tunebeam-examples-0.1.0-SNAPSHOT.jar \
 *     dev.tunebeam.examples.HybridDispatch PROJECT us-central1 BUCKET REGION-docker.pkg.dev/PROJECT/tunebeam/trainer:latest
 * </pre>
 */
public final class HybridDispatch {
  private HybridDispatch() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: HybridDispatch PROJECT REGION BUCKET TRAINER_IMAGE");
      System.exit(2);
    }
    String project = args[0];
    String region = args[1];
    String output = "gs://" + args[2] + "/tunebeam/hybrid";
    SearchSpace space = SearchSpace.referenceStudy().withFixed("num_epochs", "3");

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(ExpandSearchSpace.of(space))
        .apply(
            RunTrials.by(BackendRule.parse("batch_size>=128 -> vertex; else -> local"))
                .withLocal(TrainLocally.to(output))
                .withVertex(
                    SubmitToVertex.to(project, region)
                        .withContainerUri(args[3])
                        .withOutputPrefix(output + "/vertex")
                        .withDataDirectory("gs://" + args[2] + "/data/fashion-mnist")
                        .withMaxParallelTrials(3)))
        .apply(RankTrials.byDefault())
        .apply(WriteLeaderboard.to(output).withStudy(space.study()));
    p.run().waitUntilFinish();
  }
}
