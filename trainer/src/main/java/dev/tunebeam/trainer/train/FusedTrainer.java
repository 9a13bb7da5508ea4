package dev.tunebeam.trainer.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.model.FusedLeNet;
import dev.tunebeam.trainer.model.LeNetLayout;
import dev.tunebeam.trainer.model.Slices;
import dev.tunebeam.trainer.optim.RowOptimizer;
import dev.tunebeam.trainer.report.EpochRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains K models that share batch size, epochs, architecture, seed and data as one fused network;
 * K = 1 is a single model's training. The loop reads top to bottom like DJL's examples: shuffle
 * once per epoch with the seed, slice batches, forward, backward, update, and read scalars from the
 * device once per epoch.
 */
public final class FusedTrainer {
  private final NDManager manager;
  private final DeviceData train;
  private final DeviceData validation;
  private final DeviceData test;
  private final ProgressListener listener;

  /** Without a validation split: each epoch reports train loss and accuracy and test accuracy. */
  public FusedTrainer(
      NDManager manager, DeviceData train, DeviceData test, ProgressListener listener) {
    this(manager, train, null, test, listener);
  }

  /**
   * The data must live on {@code manager}'s device; with a {@code validation} split (may be null)
   * each epoch also reports validation loss and accuracy.
   */
  public FusedTrainer(
      NDManager manager,
      DeviceData train,
      DeviceData validation,
      DeviceData test,
      ProgressListener listener) {
    this.manager = manager;
    this.train = train;
    this.validation = validation;
    this.test = test;
    this.listener = listener;
  }

  /** Trains the members together; results come back in the members' order. */
  public List<TrainingOutcome> train(List<TrainingConfig> members) {
    return train(members, null);
  }

  /**
   * Continues the members from their checkpoints (one per member, all at one epoch; null: from
   * scratch) up to their configured epoch count: the same weights as one uninterrupted training.
   */
  public List<TrainingOutcome> train(
      List<TrainingConfig> members, List<TrainingCheckpoint> checkpoints) {
    if (members.isEmpty()) {
      return List.of();
    }
    checkFusable(members);
    TrainingConfig.FusionKey key = members.get(0).fusionKey();
    checkBatchFits(key.batchSize(), train.count());
    WarmStart warm = WarmStart.of(members, checkpoints);
    GradientRecording.off();
    long started = System.nanoTime();
    Device device = manager.getDevice();
    int k = members.size();
    // Rows sorted so equal activations and equal (optimizer, rate) pairs are contiguous runs.
    Integer[] rowToMember = new Integer[k];
    Arrays.setAll(rowToMember, i -> i);
    Arrays.sort(
        rowToMember,
        Comparator.<Integer, Activation>comparing(i -> members.get(i).activation())
            .thenComparing(i -> members.get(i).optimizer())
            .thenComparing(i -> members.get(i).learningRate())
            .thenComparing(i -> members.get(i).momentum()));
    for (int m = 0; m < k; m++) {
      listener.started(m, members.get(m), DeviceChoice.name(device));
    }
    try (NDManager run = manager.newSubManager()) {
      float[] init = new float[k * LeNetLayout.SIZE];
      for (int r = 0; r < k; r++) {
        System.arraycopy(
            warm.initialParameters(rowToMember[r], members.get(rowToMember[r])),
            0,
            init,
            r * LeNetLayout.SIZE,
            LeNetLayout.SIZE);
      }
      NDArray parameters = run.create(init, new Shape(k, LeNetLayout.SIZE));
      parameters.setRequiresGradient(true);
      List<Activation> activations = new ArrayList<>();
      for (int r = 0; r < k; r++) {
        activations.add(members.get(rowToMember[r]).activation());
      }
      FusedLeNet net = new FusedLeNet(activations, key.pooling());
      List<OptimizerRun> optimizers = optimizerRuns(members, rowToMember, run);
      optimizers.forEach(o -> warm.restore(o.optimizer, o.from, o.to, rowToMember));
      Random shuffle = warm.shuffle(key.seed());
      List<List<EpochRecord>> histories = new ArrayList<>();
      for (int m = 0; m < k; m++) {
        histories.add(warm.history(m));
      }
      for (int epoch = warm.epoch() + 1; epoch <= key.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double[][] trained = trainEpoch(net, parameters, optimizers, key.batchSize(), shuffle, run);
        double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
        double[][] validated =
            validation == null ? null : Evaluation.of(net, parameters, validation, manager);
        double[][] tested = Evaluation.of(net, parameters, test, manager);
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        for (int r = 0; r < k; r++) {
          int m = rowToMember[r];
          TreeMap<String, Double> values = new TreeMap<>();
          values.put(EpochRecord.TRAIN_LOSS, trained[0][r]);
          values.put(EpochRecord.TRAIN_ACCURACY, trained[1][r]);
          if (validated != null) {
            values.put(EpochRecord.VAL_LOSS, validated[0][r]);
            values.put(EpochRecord.VAL_ACCURACY, validated[1][r]);
          }
          values.put(EpochRecord.TEST_ACCURACY, tested[1][r]);
          values.put(EpochRecord.TRAIN_SECONDS, trainedSoFar(histories.get(m)) + trainSeconds / k);
          values.put(EpochRecord.PARAM_COUNT, (double) LeNetLayout.SIZE);
          EpochRecord metrics = new EpochRecord(epoch, seconds, trainSeconds, values);
          histories.get(m).add(metrics);
          listener.epochFinished(m, members.get(m), metrics);
        }
        if (listener.wantsCheckpoints()) {
          float[] flat = parameters.toFloatArray();
          for (OptimizerRun o : optimizers) {
            float[][] state = WarmStart.read(o.optimizer);
            for (int r = o.from; r < o.to; r++) {
              int m = rowToMember[r];
              listener.checkpoint(
                  m,
                  WarmStart.capture(
                      members.get(m),
                      epoch,
                      flat,
                      r,
                      state,
                      o.from,
                      o.optimizer.steps(),
                      shuffle,
                      histories.get(m)));
            }
          }
        }
      }
      float[] flat = parameters.toFloatArray();
      double wall = (System.nanoTime() - started) / 1e9;
      List<TrainingOutcome> outcomes = new ArrayList<>();
      for (int m = 0; m < k; m++) {
        int row = Arrays.asList(rowToMember).indexOf(m);
        float[] own =
            Arrays.copyOfRange(flat, row * LeNetLayout.SIZE, (row + 1) * LeNetLayout.SIZE);
        outcomes.add(
            new TrainingOutcome(
                members.get(m),
                List.copyOf(histories.get(m)),
                own,
                DeviceChoice.name(device),
                wall,
                k));
      }
      return outcomes;
    }
  }

  /** A model's training seconds before this epoch: the last epoch's count, 0 for the first. */
  private static double trainedSoFar(List<EpochRecord> history) {
    if (history.isEmpty()) {
      return 0;
    }
    double before = history.get(history.size() - 1).metric(EpochRecord.TRAIN_SECONDS);
    return Double.isNaN(before) ? 0 : before;
  }

  /**
   * Members can train together only when batch size, epochs, pooling, seed, samples, data and
   * device match.
   */
  public static void checkFusable(List<TrainingConfig> members) {
    for (TrainingConfig m : members) {
      if (!m.fusionKey().equals(members.get(0).fusionKey())) {
        throw new IllegalArgumentException(
            "cannot fuse "
                + m
                + " with "
                + members.get(0)
                + ": batch size, epochs, pooling, seed, samples, data and device must match");
      }
    }
  }

  public static void checkBatchFits(int batchSize, int trainingSamples) {
    if (batchSize > trainingSamples) {
      throw new IllegalArgumentException(
          "--batch-size "
              + batchSize
              + " is larger than the "
              + trainingSamples
              + " training samples; use at most "
              + trainingSamples);
    }
  }

  /** One epoch; returns {@code [0][row]} mean train loss and {@code [1][row]} train accuracy. */
  private double[][] trainEpoch(
      FusedLeNet net,
      NDArray parameters,
      List<OptimizerRun> optimizers,
      int batchSize,
      Random shuffle,
      NDManager run) {
    int n = train.count();
    int k = net.models();
    try (NDScope epochScope = new NDScope()) {
      long[] order = permutation(n, shuffle);
      NDArray index = run.create(order);
      NDArray images = train.images().get(index);
      NDArray labels = train.labels().get(index);
      NDArray lossSum = run.zeros(new Shape(k));
      NDArray correct = run.zeros(new Shape(k), DataType.INT64);
      for (int from = 0; from < n; from += batchSize) {
        int to = Math.min(n, from + batchSize);
        try (NDScope stepScope = new NDScope()) {
          NDArray x = images.get(Slices.rows(from, to));
          NDArray y = labels.get(Slices.rows(from, to));
          NDArray logits;
          NDArray lossPerModel;
          GradientRecording.on();
          try {
            logits = net.forward(parameters, x);
            lossPerModel = crossEntropy(logits, y);
            GradientRecording.backward(lossPerModel.sum());
          } finally {
            GradientRecording.off();
          }
          lossSum.addi(lossPerModel.mul(to - from));
          correct.addi(logits.argMax(2).eq(y).sum(new int[] {1}));
          NDArray gradients = parameters.getGradient();
          for (OptimizerRun o : optimizers) {
            o.optimizer.step(
                parameters.get(Slices.rows(o.from, o.to)),
                gradients.get(Slices.rows(o.from, o.to)));
          }
          GradientRecording.zeroGradient(parameters);
        }
      }
      float[] loss = lossSum.toFloatArray();
      long[] hits = correct.toLongArray();
      double[][] out = new double[2][k];
      for (int r = 0; r < k; r++) {
        out[0][r] = loss[r] / n;
        out[1][r] = (double) hits[r] / n;
      }
      return out;
    }
  }

  /** Mean softmax cross-entropy per model: logits {@code [K, B, 10]}, labels {@code [B]}. */
  static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray oneHot = labels.oneHot(LeNetLayout.CLASSES).toType(DataType.FLOAT32, false);
    return logits.logSoftmax(2).mul(oneHot).sum(new int[] {2}).mean(new int[] {1}).neg();
  }

  private static long[] permutation(int n, Random random) {
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static List<OptimizerRun> optimizerRuns(
      List<TrainingConfig> members, Integer[] rowToMember, NDManager run) {
    List<OptimizerRun> runs = new ArrayList<>();
    int from = 0;
    for (int r = 1; r <= rowToMember.length; r++) {
      TrainingConfig first = members.get(rowToMember[from]);
      if (r == rowToMember.length
          || members.get(rowToMember[r]).optimizer() != first.optimizer()
          || members.get(rowToMember[r]).learningRate() != first.learningRate()
          || members.get(rowToMember[r]).momentum() != first.momentum()) {
        RowOptimizer optimizer =
            first
                .optimizer()
                .create(
                    run,
                    new Shape(r - from, LeNetLayout.SIZE),
                    first.learningRate(),
                    first.momentum());
        runs.add(new OptimizerRun(optimizer, from, r));
        from = r;
      }
    }
    return runs;
  }

  private record OptimizerRun(RowOptimizer optimizer, int from, int to) {}
}
