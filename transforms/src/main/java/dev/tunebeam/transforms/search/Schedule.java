package dev.tunebeam.transforms.search;

import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.transforms.space.SearchSpace;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.annotations.Internal;

/**
 * A study's whole training plan, computed from the space before any trial is expanded: its brackets
 * and their stages, so the pipeline can be unrolled and its size bounded up front. One shot (grid,
 * random) is one bracket of one stage; halving is one bracket of rungs; Hyperband has one bracket
 * of rungs per starting budget; TPE is one bracket whose stages are its rounds.
 */
@Internal
public record Schedule(String algorithm, Shape shape, int topEpochs, List<Bracket> brackets)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How a bracket's stages follow one another. */
  public enum Shape {
    /** Every trial at once, nothing read back. */
    ONE_SHOT("stage"),
    /** Each rung keeps the best of the one before and continues them from their checkpoints. */
    RUNGS("rung"),
    /** Each round is proposed from every earlier round's results and trains fresh trials. */
    ROUNDS("round");

    private final String stage;

    Shape(String stage) {
      this.stage = stage;
    }

    /** What one stage is called in the dry run and in messages. */
    public String stage() {
      return stage;
    }
  }

  public Schedule {
    brackets = List.copyOf(brackets);
  }

  /** The space's algorithm's plan; throws IllegalArgumentException, naming the field. */
  public static Schedule of(SearchSpace space) {
    return SearchAlgorithms.of(space).plan(space);
  }

  /** One bracket of one stage: {@code trials} trials trained to the space's epochs. */
  public static Schedule oneShot(SearchSpace space, long trials) {
    int top = epochs(space);
    int n = (int) Math.min(Integer.MAX_VALUE, trials);
    return new Schedule(
        space.algorithm().key(),
        Shape.ONE_SHOT,
        top,
        List.of(new Bracket(0, List.of(new Rung(0, 0, top, 0, n)))));
  }

  /** Whether trials are trained in rungs or rounds that depend on earlier results. */
  public boolean adaptive() {
    return shape != Shape.ONE_SHOT;
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
                    : shape == Shape.ROUNDS
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

  /** One line per stage, for the dry run. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Bracket b : brackets) {
      for (Rung r : b.rungs()) {
        lines.add(
            String.format(
                Locale.ROOT,
                "bracket %d %s %d: %d trials to epoch %d (%d model-epochs)",
                b.index(),
                shape.stage(),
                r.index(),
                r.trials(),
                r.epochs(),
                r.modelEpochs()));
      }
    }
    return lines;
  }

  /**
   * The top stage's epochs for an algorithm that sets each stage's epochs itself: the space's fixed
   * num_epochs, or the trainer's default; a searched num_epochs is refused.
   */
  public static int topEpochs(SearchSpace space) {
    if (space.parameters().stream().anyMatch(p -> p.name().equals("num_epochs"))) {
      throw new IllegalArgumentException(
          "num_epochs is searched, but algorithm "
              + space.algorithm().key()
              + " sets each rung's epochs itself; fix num_epochs (the top rung) under fixed:");
    }
    return epochs(space);
  }

  private static int epochs(SearchSpace space) {
    String fixed = space.fixed().get("num_epochs");
    return fixed == null ? TrainingConfig.DEFAULT_EPOCHS : Integer.parseInt(fixed);
  }
}
