package dev.tunebeam.trainer.report.tensorboard;

import com.google.protobuf.Value;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's hyperparameters as HParams values, under the search space's parameter names ({@code
 * learning_rate}, not {@code --learning-rate}) so TensorBoard's columns match the leaderboard's.
 * Numbers are numbers, so TensorBoard offers interval filters for them.
 */
public final class TrainingHParams {
  private TrainingHParams() {}

  /**
   * {@code trainSamples} and {@code testSamples} are the counts used, not the config's 0 for "all".
   */
  public static Map<String, Value> of(TrainingConfig c, int trainSamples, int testSamples) {
    Map<String, Value> h = new LinkedHashMap<>();
    h.put("activation", text(c.activation().flagValue()));
    h.put("optimizer", text(c.optimizer().flagValue()));
    // Through Float.toString so 0.001f is 0.001 in the table, not 0.0010000000474974513.
    h.put("learning_rate", number(Double.parseDouble(Float.toString(c.learningRate()))));
    h.put("batch_size", number(c.batchSize()));
    h.put("num_epochs", number(c.epochs()));
    h.put("pooling", text(c.pooling().flagValue()));
    h.put("init", text(c.init().flagValue()));
    h.put("normalize", text(c.normalize().flagValue()));
    h.put("seed", number(c.seed()));
    h.put("train_samples", number(trainSamples));
    h.put("test_samples", number(testSamples));
    return h;
  }

  private static Value text(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Value number(double d) {
    return Value.newBuilder().setNumberValue(d).build();
  }
}
