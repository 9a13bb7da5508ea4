package dev.tunebeam.trainer;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.cli.UsageException;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.report.DiskFull;
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
 * The trainer container's entry point, the same contract a Vertex AI CustomJob and a local worker
 * process run: {@code --activation --optimizer --batch-size --num-epochs} and friends, as {@code
 * --name value} or {@code --name=value}. Exit 0 on success, 2 on bad input (one sentence on stderr,
 * nothing written), 1 when training itself fails.
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
    Path outcomeFile = outcomeFile(args);
    int code = train(args, env, out, err, outcomeFile);
    if (outcomeFile != null && code == 0) {
      writeOutcome(outcomeFile, WorkerOutcome.succeeded(), err);
    }
    return code;
  }

  /**
   * The value of {@code --outcome-file}, found before parsing so that even a parse error is
   * reported through it.
   */
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

  private static int train(
      List<String> args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      Path outcomeFile) {
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
      // Credentials are found (and a token fetched) when a gs:// path first needs them: a missing
      // or bogus
      // setup is then one sentence, where the client would proceed with null credentials and retry
      // for a minute.
      Supplier<Storage> storage =
          Memoized.of(
              () ->
                  StorageOptions.newBuilder()
                      .setCredentials(
                          dev.tunebeam.trainer.cloud.GcpCredentials.find("a gs:// path", env))
                      .build()
                      .getService());
      TrainingJob job = new TrainingJob(DataLocator.standard(storage), storage, out, env);
      (invocation.group() ? job.withProgressLines() : job)
          .run(invocation.members(), invocation.threads());
      return 0;
    } catch (UsageException e) {
      err.println("error: " + Secrets.redact(e.getMessage()));
      if (outcomeFile != null) {
        writeOutcome(
            outcomeFile, WorkerOutcome.failed(UsageException.EXIT_CODE, e.getMessage()), err);
      }
      return UsageException.EXIT_CODE;
    } catch (Exception e) {
      // The causes too: the outermost exception is often a wrapper of the one that explains.
      StringBuilder why = new StringBuilder(String.valueOf(e));
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        why.append("; caused by ").append(c);
      }
      // A full disk is one sentence with its fix, not a chain of wrappers.
      DiskFull.sentence(e).ifPresent(full -> why.replace(0, why.length(), full));
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
    return TrainerArgs.usage();
  }
}
