package dev.tunebeam.pipeline.preflight;

import ai.djl.util.cuda.CudaUtils;
import dev.tunebeam.pipeline.SearchOptions;
import dev.tunebeam.pipeline.SearchPipeline;
import dev.tunebeam.pipeline.study.Backends;
import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.train.DeviceChoice;
import dev.tunebeam.trainer.train.TrainingConfig;
import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.space.TrainerParameters;
import dev.tunebeam.transforms.study.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Conditions that would fail trials for a reason known before anything runs, checked once: a CI job
 * that gets exit 0 from a run whose every trial failed reads it as green. Output folders that
 * cannot hold a trial's files, {@code --device=gpu} on a machine without one, data that cannot be
 * read, and trials asking for more images than the data has or batches larger than their training
 * set. Each is one sentence and exit 2; nothing has been written yet.
 */
public final class RunPreflight {
  private RunPreflight() {}

  /**
   * {@code builtInTrainer}: local trials run the built-in LeNet-5 trainer, whose data and flags are
   * known here.
   */
  public static void check(
      SearchOptions o, SearchSpace space, BackendRule rule, boolean builtInTrainer) {
    check(o, space, rule, builtInTrainer, CudaUtils::getGpuCount);
  }

  public static void check(
      SearchOptions o,
      SearchSpace space,
      BackendRule rule,
      boolean builtInTrainer,
      IntSupplier gpus) {
    checkOutputLayout(o.getOutput());
    if (!o.getOutput().contains("://")) {
      checkTrialFolders(o.getOutput(), Path.of(o.getOutput()).resolve("trials"));
    }
    if (!builtInTrainer) {
      return;
    }
    // An adaptive schedule's trials are known up front only for its first rungs (TPE: round 0);
    // later ones share their data and flags.
    List<Trial> planned =
        dev.tunebeam.transforms.search.Schedule.of(space).adaptive()
            ? dev.tunebeam.transforms.search.RunSchedule.of(
                    space, dev.tunebeam.transforms.study.Objective.DEFAULT, rung -> null)
                .firstTrials()
                .stream()
                .flatMap(List::stream)
                .toList()
            : space.trials(o.getMaxTrials());
    List<Trial> local = planned.stream().filter(t -> rule.route(t) == Backend.LOCAL).toList();
    // Off the DirectRunner local trials train on the runner's workers, whose devices and data this
    // machine cannot see.
    if (local.isEmpty() || !SearchPipeline.onDirectRunner(o)) {
      return;
    }
    if (Backends.device(o) == DeviceChoice.GPU && gpus.getAsInt() == 0) {
      throw new IllegalArgumentException(
          "--device gpu: this machine has no GPU that CUDA can see, so every local trial would fail; "
              + "use --device=cpu or --device=auto");
    }
    DataPreflight.Counts data = DataPreflight.check(o.getDataDir());
    if (data != null) {
      for (Trial t : local) {
        checkFits(t, config(t), data);
      }
    }
  }

  /**
   * Folders a run writes into must not be files, and the leaderboard's files must not be folders.
   */
  public static void checkOutputLayout(String output) {
    if (output.contains("://")) {
      return;
    }
    Path out = Path.of(output);
    for (String folder : List.of("trials", "tensorboard")) {
      if (Files.exists(out.resolve(folder)) && !Files.isDirectory(out.resolve(folder))) {
        throw new IllegalArgumentException(
            "--output "
                + output
                + " holds a file named "
                + folder
                + " where the run keeps its "
                + folder
                + " folder; move that file away or choose another --output");
      }
    }
    for (String file : List.of("results.csv", "results.json", "results.md", "report.html")) {
      if (Files.isDirectory(out.resolve(file))) {
        throw new IllegalArgumentException(
            "--output "
                + output
                + " holds a folder named "
                + file
                + " where the run writes its "
                + file
                + "; remove that folder or choose another --output");
      }
    }
  }

  /**
   * Each entry of {@code OUTPUT/trials} is a trial's folder: a file there (a trial's folder
   * replaced) would let its trial train and then lose its result, which cannot be saved.
   */
  private static void checkTrialFolders(String output, Path trials) {
    if (!Files.isDirectory(trials)) {
      return;
    }
    try (java.util.stream.Stream<Path> entries = Files.list(trials)) {
      for (Path e : entries.sorted().toList()) {
        if (!e.getFileName().toString().startsWith(".") && !Files.isDirectory(e)) {
          throw new IllegalArgumentException(
              "--output "
                  + output
                  + " holds a file trials/"
                  + e.getFileName()
                  + " where the run keeps that trial's folder, so its result could not be saved;"
                  + " move or delete that file and run again");
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "--output " + output + ": its trials folder cannot be listed (" + e.getMessage() + ")");
    }
  }

  private static TrainingConfig config(Trial t) {
    return TrainerArgs.member(TrainerParameters.args(t, Set.of(), false)).config();
  }

  private static void checkFits(Trial t, TrainingConfig c, DataPreflight.Counts data) {
    if (c.validationSamples() >= data.train()) {
      throw new IllegalArgumentException(
          "validation_samples "
              + c.validationSamples()
              + " is not allowed for data with "
              + data.train()
              + " training images; use 0 (no validation split) to "
              + (data.train() - 1));
    }
    int available = data.train() - c.validationSamples();
    if (c.trainSamples() > available) {
      throw new IllegalArgumentException(
          "train_samples "
              + c.trainSamples()
              + " (--trainSamples or the search space) is more than the "
              + available
              + " training images the data has"
              + (c.validationSamples() > 0
                  ? " beside the " + c.validationSamples() + " held out for validation"
                  : "")
              + "; use at most "
              + available
              + " (0: all)");
    }
    if (c.testSamples() > data.test()) {
      throw new IllegalArgumentException(
          "test_samples "
              + c.testSamples()
              + " (--testSamples or the search space) is more than the "
              + data.test()
              + " test images in the data; use at most "
              + data.test()
              + " (0: all)");
    }
    int train = c.trainSamples() > 0 ? c.trainSamples() : available;
    if (c.batchSize() > train) {
      throw new IllegalArgumentException(
          "trial "
              + t.describe()
              + " has batch_size "
              + c.batchSize()
              + ", larger than its "
              + train
              + " training images, so it could not train; use batch sizes of at most "
              + train
              + " or more --trainSamples");
    }
  }
}
