package dev.tunebeam.trainer;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.cli.UsageException;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trainer container's entry point, the same contract a Vertex AI CustomJob and a local
 * worker process run: {@code --activation --optimizer --batch-size --num-epochs} and friends,
 * as {@code --name value} or {@code --name=value}. Exit 0 on success, 2 on bad input (one
 * sentence on stderr, nothing written), 1 when training itself fails.
 */
public final class TrainerMain {
  private TrainerMain() {}

  public static void main(String[] args) {
    dev.tunebeam.trainer.report.RedactedConsole.install();
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.equals(List.of("-h"))) {
      out.println(usage());
      return 0;
    }
    Path outcomeFile = outcomeFile(args);
    int code = train(args, env, out, err, outcomeFile);
    if (outcomeFile != null && code == 0) {
      writeOutcome(outcomeFile, WorkerOutcome.succeeded(), err);
    }
    return code;
  }

  /** The value of {@code --outcome-file}, found before parsing so that even a parse error is reported through it. */
  private static Path outcomeFile(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--outcome-file") && i + 1 < args.size()) {
        return Path.of(args.get(i + 1));
      }
      if (args.get(i).startsWith("--outcome-file=")) {
        return Path.of(args.get(i).substring("--outcome-file=".length()));
      }
    }
    return null;
  }

  private static void writeOutcome(Path file, WorkerOutcome outcome, PrintStream err) {
    try {
      outcome.write(file);
    } catch (IOException | RuntimeException e) {
      err.println("cannot write the outcome file " + file + ": " + e);
    }
  }

  private static int train(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Path outcomeFile) {
    try {
      TrainerArgs.Invocation invocation = TrainerArgs.parse(args, env);
      if (invocation.help()) {
        out.println(usage());
        return 0;
      }
      if (invocation.group()) {
        ParentWatch.exitWhenParentDies();
        FaultInjection.crashIfAsked(invocation.members());
      }
      // Credentials are found (and a token fetched) when a gs:// path first needs them: a missing or bogus
      // setup is then one sentence, where the client would proceed with null credentials and retry for a minute.
      Supplier<Storage> storage = Memoized.of(() -> StorageOptions.newBuilder()
          .setCredentials(dev.tunebeam.trainer.cloud.GcpCredentials.find("a gs:// path", env)).build().getService());
      TrainingJob job = new TrainingJob(DataLocator.standard(storage), storage, out, env);
      (invocation.group() ? job.withProgressLines() : job).run(invocation.members(), invocation.threads());
      return 0;
    } catch (UsageException e) {
      err.println("error: " + Secrets.redact(e.getMessage()));
      if (outcomeFile != null) {
        writeOutcome(outcomeFile, WorkerOutcome.failed(UsageException.EXIT_CODE, e.getMessage()), err);
      }
      return UsageException.EXIT_CODE;
    } catch (Exception e) {
      // The causes too: the outermost exception is often a wrapper of the one that explains.
      StringBuilder why = new StringBuilder(String.valueOf(e));
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        why.append("; caused by ").append(c);
      }
      err.println("training failed: " + Secrets.redact(why.toString()));
      for (StackTraceElement frame : e.getStackTrace()) {
        err.println("\tat " + frame);
      }
      if (outcomeFile != null) {
        writeOutcome(outcomeFile, WorkerOutcome.failed(1, "training failed: " + why), err);
      }
      return 1;
    }
  }

  static String usage() {
    return String.join("\n",
        "Usage: java -jar tunebeam-trainer.jar [--name value | --name=value]...   (-h or --help: this page)",
        "  --activation relu|leakyrelu|softmax|tanh|sigmoid   (relu)",
        "  --optimizer sgd|adam|rmsprop                       (adam)",
        "  --learning-rate R    (sgd 0.01 with momentum 0.9, adam 0.001, rmsprop 0.001)",
        "  --momentum M         sgd only (0.9)",
        "  --batch-size N (64)  --num-epochs N (10)  --pooling avg|max (avg)  --seed N (42)",
        "  --init torch|he (torch: PyTorch's layer default; he: He-uniform, zero biases)",
        "  --normalize none|standard (none: x/255 like ToTensor; standard: (x/255 - 0.2860) / 0.3530)",
        "  --train-samples N --test-samples N   first N of each split (0: all)",
        "  --validation-samples N (5000)  training images held out for validation by a seeded split (0: none)",
        "  --validation-seed N            the split's seed, the same for every trial of a study",
        "  --data-dir DIR|gs://...   (else $FASHION_MNIST_DIR, /usr/share/datasets/fashion-mnist, the cache, a download)",
        "  --model-dir DIR|gs://...  (default $AIP_MODEL_DIR) metrics.json and model.npz",
        "  --checkpoint-dir DIR      (default $AIP_CHECKPOINT_DIR) weights after every epoch",
        "  --tensorboard-dir DIR     (default $AIP_TENSORBOARD_LOG_DIR)",
        "  --device auto|cpu|gpu (auto)  --threads N (engine default)  --metric-id ID (val_accuracy;",
        "                                   test_accuracy with --validation-samples 0)",
        "  --trial-id ID (default $CLOUD_ML_TRIAL_ID)  --group FILE (train a fused group, one JSON member per model)",
        "  --outcome-file FILE       how the run ended, as JSON (status, exit_code, error), for a parent process");
  }
}
