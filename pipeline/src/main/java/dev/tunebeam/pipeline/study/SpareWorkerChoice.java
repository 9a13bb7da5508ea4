package dev.tunebeam.pipeline.study;

import dev.tunebeam.transforms.search.Bracket;
import dev.tunebeam.transforms.search.Rung;
import dev.tunebeam.transforms.search.Schedule;
import dev.tunebeam.transforms.space.SearchSpace;

/**
 * Whether a study of rungs gets a spare local worker ({@code TrainLocally.withSpareWorker}): only
 * when one of its rungs ends with a long tail. A rung whose trials do not divide among the cores
 * ends with its last trials alone while other cores idle, for one trial's rung work; the spare
 * worker lets those trials share every core instead. It costs a JVM, the engine and the data loaded
 * once more, on a machine whose cores are busy starting the study, and a third of every core's time
 * shared three ways. Measured on the 2-core development machine: the reference halving study
 * (60,000 images; rung tails of 120,000 and 420,000 model-images) took 5.7 min with the spare
 * against 6.6 without; the small study of docs/performance.md (3,000 images; its longest tail 6,000
 * model-images) took 1.0 to 1.5 s longer with it, of 22 to 26 s. {@link #PAYS_FROM} sits between
 * them: one epoch of Fashion-MNIST's training images.
 */
public final class SpareWorkerChoice {
  /** Fashion-MNIST's training images: an epoch when the space fixes no {@code train_samples}. */
  private static final int ALL_IMAGES = 60_000;

  /**
   * One trial's work in a rung with a tail, in model-images, from which a spare worker pays: one
   * epoch of all the training images.
   */
  static final double PAYS_FROM = ALL_IMAGES;

  private SpareWorkerChoice() {}

  /** {@code schedule} of {@code space} on this machine's cores. */
  public static boolean pays(Schedule schedule, SearchSpace space) {
    return pays(schedule, imagesPerEpoch(space), Runtime.getRuntime().availableProcessors());
  }

  static boolean pays(Schedule schedule, double imagesPerEpoch, int cores) {
    if (schedule.shape() != Schedule.Shape.RUNGS) {
      return false;
    }
    for (Bracket b : schedule.brackets()) {
      for (Rung r : b.rungs()) {
        boolean tail = r.trials() > 1 && r.trials() % cores != 0;
        if (tail && (r.epochs() - r.fromEpochs()) * imagesPerEpoch >= PAYS_FROM) {
          return true;
        }
      }
    }
    return false;
  }

  /** Training images per epoch: the space's fixed {@code train_samples}, else all 60,000. */
  public static double imagesPerEpoch(SearchSpace space) {
    String samples = space.fixed().get("train_samples");
    int n = samples == null ? 0 : Integer.parseInt(samples);
    return n > 0 ? n : ALL_IMAGES;
  }
}
