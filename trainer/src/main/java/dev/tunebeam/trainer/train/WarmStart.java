package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.model.LeNetLayout;
import dev.tunebeam.trainer.optim.RowOptimizer;
import dev.tunebeam.trainer.report.EpochRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Where a fused group's training starts: from scratch, or from one checkpoint per member, all at
 * the same epoch (they share the shuffle). Restores weights, optimizer state, the shuffle generator
 * and the history, so that training 3 epochs and then 7 more follows the same trajectory as 10 at
 * once; and captures the same state after each epoch.
 */
final class WarmStart {
  private final List<TrainingCheckpoint> starts;
  private final int epoch;

  private WarmStart(List<TrainingCheckpoint> starts, int epoch) {
    this.starts = starts;
    this.epoch = epoch;
  }

  /**
   * {@code starts} null, or one entry per member (null entries: that member starts fresh, allowed
   * only if all do).
   */
  static WarmStart of(List<TrainingConfig> members, List<TrainingCheckpoint> starts) {
    if (starts == null || starts.stream().allMatch(s -> s == null)) {
      return new WarmStart(null, 0);
    }
    if (starts.size() != members.size() || starts.stream().anyMatch(s -> s == null)) {
      throw new IllegalArgumentException(
          "a fused group continues from checkpoints only when every member has one");
    }
    int epoch = starts.get(0).epoch();
    for (int m = 0; m < members.size(); m++) {
      TrainingCheckpoint c = starts.get(m);
      TrainingConfig config = members.get(m);
      if (c.epoch() != epoch) {
        throw new IllegalArgumentException(
            "checkpoints at epochs "
                + epoch
                + " and "
                + c.epoch()
                + " cannot continue as one fused group");
      }
      if (!c.config().equals(TrainingCheckpoint.configKey(config))) {
        throw new IllegalArgumentException(
            "the checkpoint ("
                + c.config()
                + ") was written for another configuration than "
                + TrainingCheckpoint.configKey(config)
                + "; remove it or use another checkpoint folder");
      }
      if (c.epoch() > config.epochs()) {
        throw new IllegalArgumentException(
            "the checkpoint is at epoch "
                + c.epoch()
                + ", past --num-epochs "
                + config.epochs()
                + "; ask for at least "
                + c.epoch()
                + " epochs");
      }
      if (c.parameters().length != LeNetLayout.SIZE) {
        throw new IllegalArgumentException(
            "the checkpoint holds "
                + c.parameters().length
                + " weights, LeNet-5 has "
                + LeNetLayout.SIZE);
      }
    }
    return new WarmStart(starts, epoch);
  }

  /** The last epoch already trained (0: none). */
  int epoch() {
    return epoch;
  }

  float[] initialParameters(int member, TrainingConfig config) {
    return starts == null ? config.init().lenet(config.seed()) : starts.get(member).parameters();
  }

  Random shuffle(long seed) {
    return starts == null ? new Random(seed) : decode(starts.get(0).shuffleState());
  }

  List<EpochRecord> history(int member) {
    return starts == null ? new ArrayList<>() : new ArrayList<>(starts.get(member).history());
  }

  /**
   * Writes the members' saved optimizer state into an optimizer that updates rows {@code from..to}.
   */
  void restore(RowOptimizer optimizer, int from, int to, Integer[] rowToMember) {
    if (starts == null) {
      return;
    }
    List<ai.djl.ndarray.NDArray> state = optimizer.state();
    for (int s = 0; s < state.size(); s++) {
      float[] rows = new float[(to - from) * LeNetLayout.SIZE];
      for (int r = from; r < to; r++) {
        System.arraycopy(
            starts.get(rowToMember[r]).optimizerState().get(s),
            0,
            rows,
            (r - from) * LeNetLayout.SIZE,
            LeNetLayout.SIZE);
      }
      state.get(s).set(FloatBuffer.wrap(rows));
    }
    optimizer.restoreSteps(starts.get(rowToMember[from]).optimizerSteps());
  }

  /**
   * One optimizer's state as host arrays, read once per epoch: {@code [state tensor][flat rows]}.
   */
  static float[][] read(RowOptimizer optimizer) {
    return optimizer.state().stream()
        .map(ai.djl.ndarray.NDArray::toFloatArray)
        .toArray(float[][]::new);
  }

  /**
   * The checkpoint of the member in {@code row} of an optimizer run that starts at {@code from}.
   */
  static TrainingCheckpoint capture(
      TrainingConfig config,
      int epoch,
      float[] flat,
      int row,
      float[][] optimizerState,
      int from,
      int optimizerSteps,
      Random shuffle,
      List<EpochRecord> history) {
    List<float[]> own = new ArrayList<>();
    for (float[] s : optimizerState) {
      own.add(
          Arrays.copyOfRange(
              s, (row - from) * LeNetLayout.SIZE, (row - from + 1) * LeNetLayout.SIZE));
    }
    float[] weights =
        Arrays.copyOfRange(flat, row * LeNetLayout.SIZE, (row + 1) * LeNetLayout.SIZE);
    return new TrainingCheckpoint(
        TrainingCheckpoint.configKey(config),
        epoch,
        weights,
        own,
        optimizerSteps,
        encode(shuffle),
        history);
  }

  // java.util.Random's serialized form is its whole state (seed and cached Gaussian), so a copy
  // continues the same sequence.
  private static byte[] encode(Random random) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(random);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Random decode(byte[] state) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
      // A checkpoint file is input: nothing but a Random may be deserialized from it.
      in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
      Object o = in.readObject();
      if (o instanceof Random r && o.getClass() == Random.class) {
        return r;
      }
      throw new IllegalArgumentException(
          "the checkpoint's shuffle state is not a java.util.Random");
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "the checkpoint's shuffle state cannot be read: " + e.getMessage());
    }
  }
}
