package dev.tunebeam.transforms.space;

import java.io.Serializable;

/**
 * The top-level keys the adaptive algorithms read, beside {@code samples} and {@code seed}: {@code
 * eta} and {@code min_epochs} (halving, hyperband; defaults 3 and 1), {@code trials} and {@code
 * batch} (tpe). Checked here field by field; what needs the whole schedule (a rung with no trials,
 * min_epochs above num_epochs) is checked when the schedule is built.
 */
public record AlgorithmSettings(int eta, int minEpochs, int trials, int batch)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final AlgorithmSettings DEFAULTS = new AlgorithmSettings(3, 1, 0, 0);

  void check(Algorithm algorithm) {
    if (algorithm.rungs()) {
      if (eta < 2) {
        throw new IllegalArgumentException(
            "eta "
                + eta
                + " is not allowed; "
                + algorithm.key()
                + " keeps the top 1/eta of each rung, so eta must be at least 2");
      }
      if (minEpochs < 1) {
        throw new IllegalArgumentException(
            "min_epochs " + minEpochs + " is not allowed; the first rung trains at least 1 epoch");
      }
    }
    if (algorithm == Algorithm.TPE) {
      if (trials < 1) {
        throw new IllegalArgumentException(
            "algorithm tpe needs trials (the total number of trials) of at least 1, got " + trials);
      }
      if (batch < 1) {
        throw new IllegalArgumentException(
            "algorithm tpe needs batch (trials proposed per round) of at least 1, got " + batch);
      }
      if (batch > trials) {
        throw new IllegalArgumentException(
            "batch "
                + batch
                + " is more than trials "
                + trials
                + "; a tpe round proposes at most all the trials");
      }
    }
  }
}
