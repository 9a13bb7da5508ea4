package dev.tunebeam.trainer.train;

import dev.tunebeam.trainer.report.EpochRecord;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints progress in the reference trainer's words ({@code Epoch 1/2}, {@code Train Loss: 0.432,
 * Train Acc: 0.841}, {@code Test Acc: 0.854}); lines of a fused group carry the trial's id. The
 * machine-readable line also carries the epoch's {@code pace}: training seconds, the process's CPU
 * seconds since the previous epoch ended, training images, batch size and fused models, from which
 * a pipeline judges whether a warm worker still trains at its own earlier pace.
 */
public final class ConsoleProgress implements ProgressListener {
  /**
   * Prefix of the machine-readable line a worker prints after each epoch, for its pipeline to
   * parse.
   */
  public static final String PROGRESS_PREFIX = "@progress ";

  private final PrintStream out;
  private final List<MemberRun> members;
  private final boolean progressLines;
  private final int trainImages;
  private double cpuMark = ProcessCpu.seconds();
  private int cpuEpoch = -1;
  private double cpuSeconds = Double.NaN;

  /** {@code trainImages}: the images each epoch trains on (0: not known). */
  public ConsoleProgress(
      PrintStream out, List<MemberRun> members, boolean progressLines, int trainImages) {
    this.out = out;
    this.members = members;
    this.progressLines = progressLines;
    this.trainImages = trainImages;
  }

  @Override
  public void epochFinished(int member, TrainingConfig config, EpochRecord m) {
    String prefix = prefix(member);
    out.printf(Locale.ROOT, "%sEpoch %d/%d%n", prefix, m.epoch(), config.epochs());
    out.printf(
        Locale.ROOT,
        "%sTrain Loss: %.3f, Train Acc: %.3f%n",
        prefix,
        m.metric(EpochRecord.TRAIN_LOSS),
        m.metric(EpochRecord.TRAIN_ACCURACY));
    if (m.has(EpochRecord.VAL_ACCURACY)) {
      out.printf(
          Locale.ROOT,
          "%sVal Loss: %.3f, Val Acc: %.3f%n",
          prefix,
          m.metric(EpochRecord.VAL_LOSS),
          m.metric(EpochRecord.VAL_ACCURACY));
    }
    out.printf(Locale.ROOT, "%sTest Acc: %.3f%n", prefix, m.metric(EpochRecord.TEST_ACCURACY));
    out.printf(Locale.ROOT, "%sEpoch time: %.1f s%n", prefix, m.seconds());
    if (progressLines) {
      double cpu = epochCpuSeconds(m.epoch());
      StringBuilder metrics = new StringBuilder();
      m.metrics()
          .forEach((tag, v) -> metrics.append(",\"").append(tag).append("\":").append(json(v)));
      out.printf(
          Locale.ROOT,
          "%s{\"trial\":\"%s\",\"epoch\":%d,\"epochs\":%d%s,"
              + "\"pace\":{\"train_seconds\":%s,\"cpu_seconds\":%s,\"images\":%d,\"batch_size\":%d,"
              + "\"models\":%d},\"seconds\":%.3f}%n",
          PROGRESS_PREFIX,
          members.get(member).trialId(),
          m.epoch(),
          config.epochs(),
          metrics,
          json(m.trainSeconds()),
          json(cpu),
          trainImages,
          config.batchSize(),
          members.size(),
          m.seconds());
    }
    out.flush();
  }

  /**
   * The process's CPU seconds from the end of the previous epoch (the first: from the start of
   * training) to the end of {@code epoch}; every member of a fused group reports the same.
   */
  private double epochCpuSeconds(int epoch) {
    if (epoch != cpuEpoch) {
      double now = ProcessCpu.seconds();
      cpuSeconds = now - cpuMark;
      cpuMark = now;
      cpuEpoch = epoch;
    }
    return cpuSeconds;
  }

  private static String json(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "null";
  }

  /** "[trial-id] " in a fused group, nothing for a single model. */
  public String prefix(int member) {
    if (members.size() == 1) {
      return "";
    }
    String id = members.get(member).trialId();
    return "[" + (id != null ? id : "model " + member) + "] ";
  }
}
