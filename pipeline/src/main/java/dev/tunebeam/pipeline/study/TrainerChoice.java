package dev.tunebeam.pipeline.study;

import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.trainer.contract.Trainable;
import dev.tunebeam.transforms.space.SearchSpaceLoader;
import dev.tunebeam.transforms.space.TrainerBlock;
import java.lang.reflect.InvocationTargetException;
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
    } catch (ExceptionInInitializerError e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + " failed in its static initialiser: "
              + describe(e.getCause())
              + "; fix that initialiser, or move the work into train()");
    } catch (ClassNotFoundException | LinkageError e) {
      // An initialiser that failed earlier in this JVM: the class now fails with "Could not
      // initialize class", the first failure as its cause where Java recorded one.
      if (String.valueOf(e.getMessage()).startsWith("Could not initialize class")) {
        throw new IllegalArgumentException(
            "--trainerClass "
                + name
                + " failed in its static initialiser"
                + (e.getCause() == null ? "" : " (" + describe(e.getCause()) + ")")
                + "; fix that initialiser, or move the work into train()");
      }
      // NoClassDefFoundError otherwise: the class is there but one it needs is not.
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + (e instanceof ClassNotFoundException
                  ? " is not on the classpath; add its jar with -cp and give the full class name"
                  : " cannot be loaded (" + describe(e) + "); add the jars it needs with -cp"));
    }
    if (!Trainable.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "--trainerClass " + name + " does not implement " + Trainable.class.getName());
    }
    Trainable trainable;
    try {
      trainable = (Trainable) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + ": its no-argument constructor threw "
              + describe(e.getCause())
              + "; fix the constructor, or move the work into train()");
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + " cannot be made: it needs a public no-argument constructor and must not be"
              + " abstract");
    } catch (ExceptionInInitializerError e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + " failed in its static initialiser: "
              + describe(e.getCause())
              + "; fix that initialiser, or move the work into train()");
    }
    TrainableSerialization.check(name, trainable);
    return Optional.of(trainable);
  }

  /** {@code IllegalStateException: no GPU}: the type and message of what was thrown. */
  static String describe(Throwable t) {
    if (t == null) {
      return "an error";
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
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
