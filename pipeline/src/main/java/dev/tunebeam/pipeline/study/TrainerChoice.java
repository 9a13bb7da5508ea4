package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.space.TrainerBlock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which program a run's local trials run: {@code --trainerCommand}, else the search space's {@code
 * trainer:} block (whose workers and env the flag keeps), else the built-in LeNet-5 trainer
 * (empty). The same space with {@code --backend=vertex} sends the same flags to the container.
 */
public final class TrainerChoice {
  private TrainerChoice() {}

  static boolean commandFlag(SearchOptions o) {
    List<String> flag = o.getTrainerCommand();
    return flag != null && !flag.isEmpty();
  }

  /**
   * Whether the run's trials run a trainer of the user's own (command, block or class) rather than
   * the built-in one.
   */
  static boolean ownTrainer(SearchOptions o) {
    return !o.getTrainerClass().isBlank() || of(o).isPresent();
  }

  /** {@code --trainerClass}: a Trainable made with its no-argument constructor. */
  public static Optional<Trainable> trainable(SearchOptions o) {
    String name = o.getTrainerClass().trim();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (commandFlag(o)) {
      throw new IllegalArgumentException(
          "--trainerClass " + name + " and --trainerCommand both name a trainer; give one");
    }
    Class<?> type;
    try {
      type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + " is not on the classpath; add its jar with -cp and give the full class name");
    }
    if (!Trainable.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "--trainerClass " + name + " does not implement " + Trainable.class.getName());
    }
    try {
      return Optional.of((Trainable) type.getConstructor().newInstance());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--trainerClass " + name + " cannot be made with a public no-argument constructor: " + e);
    }
  }

  public static Optional<TrainerBlock> of(SearchOptions o) {
    Optional<TrainerBlock> block =
        o.getSearchSpace().isBlank()
            ? Optional.empty()
            : SearchSpaceLoader.trainer(
                o.getSearchSpace(), SpaceChoice.read("--searchSpace", o.getSearchSpace()));
    if (!commandFlag(o)) {
      return block;
    }
    try {
      return Optional.of(
          new TrainerBlock(
              o.getTrainerCommand(),
              block.map(TrainerBlock::workers).orElse(0),
              block.map(TrainerBlock::env).orElse(Map.of())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--trainerCommand "
              + o.getTrainerCommand()
              + " is not a command; give the program and its "
              + "arguments, e.g. --trainerCommand=python3,-m,my_pkg.task");
    }
  }
}
