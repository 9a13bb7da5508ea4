package dev.tunebeam.pipeline.tune;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.aiplatform.v1.Context;
import com.google.cloud.aiplatform.v1.MetadataServiceClient;
import com.google.cloud.aiplatform.v1.MetadataStoreName;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.vertex.VertexLabels;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --experiment-name}: the finished tuning job's trials as runs of a Vertex AI Experiment,
 * written to the Metadata service the way the Vertex AI SDK does: the experiment is a context of
 * schema {@code system.Experiment} in the project's default metadata store, each trial a child
 * context of schema {@code system.ExperimentRun} whose metadata holds {@code _params}, {@code
 * _metrics} and {@code _state}. Runs that exist already (a second collect) are left as they are.
 */
final class ExperimentRuns {
  static final String EXPERIMENT_SCHEMA = "system.Experiment";
  static final String RUN_SCHEMA = "system.ExperimentRun";
  static final String SCHEMA_VERSION = "0.0.1";

  private ExperimentRuns() {}

  /** Returns the run contexts' names, best trial first. */
  static List<String> log(
      MetadataServiceClient client,
      String project,
      String region,
      String experiment,
      String job,
      Leaderboard board) {
    String store = MetadataStoreName.of(project, region, "default").toString();
    String experimentName =
        createOrGet(
            client,
            store,
            experiment,
            Context.newBuilder()
                .setDisplayName(experiment)
                .setSchemaTitle(EXPERIMENT_SCHEMA)
                .setSchemaVersion(SCHEMA_VERSION)
                .setDescription("tunebeam study; runs are the trials of " + job)
                .build());
    List<String> runs = new ArrayList<>();
    for (TrialResult r : board.ranked()) {
      String id = VertexLabels.value(experiment + "-" + r.trial().id()).replace('_', '-');
      Struct.Builder params = Struct.newBuilder();
      r.trial().parameters().forEach((k, v) -> params.putFields(k, value(v)));
      Struct.Builder metrics = Struct.newBuilder();
      if (r.succeeded()) {
        metrics.putFields(
            board.objective().column(),
            Value.newBuilder().setNumberValue(r.objectiveValue()).build());
        if (Double.isFinite(r.testAccuracyAtChosen())) {
          metrics.putFields(
              "test_accuracy", Value.newBuilder().setNumberValue(r.testAccuracyAtChosen()).build());
        }
      }
      Struct metadata =
          Struct.newBuilder()
              .putFields("_params", Value.newBuilder().setStructValue(params).build())
              .putFields("_metrics", Value.newBuilder().setStructValue(metrics).build())
              .putFields(
                  "_state",
                  Value.newBuilder().setStringValue(r.succeeded() ? "COMPLETE" : "FAILED").build())
              .build();
      runs.add(
          createOrGet(
              client,
              store,
              id,
              Context.newBuilder()
                  .setDisplayName(id)
                  .setSchemaTitle(RUN_SCHEMA)
                  .setSchemaVersion(SCHEMA_VERSION)
                  .setMetadata(metadata)
                  .build()));
    }
    client.addContextChildren(experimentName, runs);
    return runs;
  }

  private static String createOrGet(
      MetadataServiceClient client, String store, String id, Context context) {
    try {
      return client.createContext(store, context, id).getName();
    } catch (AlreadyExistsException e) {
      return store + "/contexts/" + id;
    }
  }

  /** A number stays a number, so the console can sort and plot by it. */
  private static Value value(String v) {
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return Value.newBuilder().setNumberValue(d).build();
      }
    } catch (NumberFormatException e) {
      // text
    }
    return Value.newBuilder().setStringValue(v).build();
  }
}
