package dev.tunebeam.transforms.search;

import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.transforms.search.halving.SuccessiveHalving;
import dev.tunebeam.transforms.search.hyperband.Hyperband;
import dev.tunebeam.transforms.search.tpe.TpeRounds;
import dev.tunebeam.transforms.space.Algorithm;
import dev.tunebeam.transforms.space.AlgorithmSettings;
import dev.tunebeam.transforms.space.SearchSpace;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A study's whole training plan, computed from the space before any trial is expanded: its brackets
 * and their rungs, so the pipeline can be unrolled and its size bounded up front. A grid or random
 * space is one bracket of one rung; halving is one bracket; Hyperband has one bracket per starting
 * budget; TPE is one bracket whose rungs are its rounds.
 */
public record Schedule(Algorithm algorithm, int topEpochs, List<Bracket> brackets)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Schedule {
    brackets = List.copyOf(brackets);
  }

  /** Throws IllegalArgumentException, naming the field, for a schedule that cannot run. */
  public static Schedule of(SearchSpace space) {
    int top = topEpochs(space);
    AlgorithmSettings s = space.settings();
    return switch (space.algorithm()) {
      case GRID, RANDOM ->
          new Schedule(
              space.algorithm(),
              top,
              List.of(
                  new Bracket(
                      0,
                      List.of(
                          new Rung(
                              0, 0, top, 0, (int) Math.min(Integer.MAX_VALUE, space.size()))))));
      case HALVING ->
          new Schedule(
              Algorithm.HALVING,
              top,
              List.of(SuccessiveHalving.bracket(0, count(space), s.minEpochs(), top, s.eta(), 0)));
      // Hyperband draws random points: a space with a continuous range has as many as a bracket
      // asks for.
      case HYPERBAND ->
          new Schedule(
              Algorithm.HYPERBAND,
              top,
              Hyperband.brackets(
                  (int)
                      Math.min(
                          Integer.MAX_VALUE, space.conditional().finiteSizeOr(Integer.MAX_VALUE)),
                  s.minEpochs(),
                  top,
                  s.eta()));
      case TPE ->
          new Schedule(Algorithm.TPE, top, List.of(TpeRounds.bracket(s.trials(), s.batch(), top)));
    };
  }

  /**
   * Distinct trials trained (a Hyperband point drawn by two brackets counts twice: it trains
   * twice).
   */
  public long trials() {
    return brackets.stream()
        .mapToLong(
            b ->
                b.rungs().isEmpty()
                    ? 0
                    : algorithm == Algorithm.TPE
                        ? b.rungs().stream().mapToLong(Rung::trials).sum()
                        : b.rungs().get(0).trials())
        .sum();
  }

  /**
   * Epochs trained, summed over trials, with warm start (a promoted trial continues where it
   * stopped).
   */
  public long modelEpochs() {
    return brackets.stream().mapToLong(Bracket::modelEpochs).sum();
  }

  /**
   * What the same trials would cost trained to the top rung each: the grid this schedule replaces.
   */
  public long fullModelEpochs() {
    return trials() * topEpochs;
  }

  /** One line per rung, for the dry run. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Bracket b : brackets) {
      for (Rung r : b.rungs()) {
        String stage = algorithm == Algorithm.TPE ? "round " + r.index() : "rung " + r.index();
        lines.add(
            String.format(
                java.util.Locale.ROOT,
                "bracket %d %s: %d trials to epoch %d (%d model-epochs)",
                b.index(),
                stage,
                r.trials(),
                r.epochs(),
                r.modelEpochs()));
      }
    }
    return lines;
  }

  /** The top rung's epochs: the space's fixed num_epochs, or the trainer's default. */
  static int topEpochs(SearchSpace space) {
    if (space.parameters().stream().anyMatch(p -> p.name().equals("num_epochs"))
        && space.algorithm().adaptive()) {
      throw new IllegalArgumentException(
          "num_epochs is searched, but algorithm "
              + space.algorithm().key()
              + " sets each rung's epochs itself; fix num_epochs (the top rung) under fixed:");
    }
    String fixed = space.fixed().get("num_epochs");
    return fixed == null ? TrainingConfig.DEFAULT_EPOCHS : Integer.parseInt(fixed);
  }

  private static int count(SearchSpace space) {
    return (int) Math.min(Integer.MAX_VALUE, space.basePointCount());
  }
}
