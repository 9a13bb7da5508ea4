package dev.tunebeam.trainer.contract;

import dev.tunebeam.trainer.report.DiskFull;
import dev.tunebeam.trainer.report.RedactedConsole;
import dev.tunebeam.trainer.report.Secrets;
import dev.tunebeam.trainer.report.WorkerOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The worker process of a Java {@link Trainable}: the trial contract's flags on the command line,
 * its environment, plus the serialized trainable ({@code TUNEBEAM_TRAINABLE}) and where to write
 * how it ended ({@code TUNEBEAM_OUTCOME_FILE}). Exit 0 on success, 2 for a bad parameter, 1 when
 * training failed.
 */
public final class TrainableMain {
  private TrainableMain() {}

  public static void main(String[] args) {
    // A Trainable's own output and its exception's trace pass the same redaction as the parent's.
    RedactedConsole.install();
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    System.exit(run(Arrays.asList(args), System.getenv(), System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream err) {
    String outcomeFile = env.get(ContractEnvironment.OUTCOME_FILE);
    WorkerOutcome outcome;
    try {
      Trainable trainable = load(env.get(ContractEnvironment.TRAINABLE_FILE));
      TrialContext ctx = TrialContext.fromContract(args, env);
      ctx.finish(trainable.train(ctx));
      outcome = WorkerOutcome.succeeded();
    } catch (BadParameterException e) {
      err.println("error: " + Secrets.redact(e.getMessage()));
      outcome = WorkerOutcome.failed(2, e.getMessage());
    } catch (Throwable e) {
      StringBuilder why = new StringBuilder(String.valueOf(e));
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        why.append("; caused by ").append(c);
      }
      // A full disk is one sentence with its fix, not a chain of wrappers.
      DiskFull.sentence(e).ifPresent(full -> why.replace(0, why.length(), full));
      err.println("training failed: " + Secrets.redact(why.toString()));
      e.printStackTrace(err);
      outcome = WorkerOutcome.failed(1, "training failed: " + why);
    }
    if (outcomeFile != null) {
      try {
        outcome.write(Path.of(outcomeFile));
      } catch (IOException e) {
        err.println("cannot write the outcome file " + outcomeFile + ": " + e);
      }
    }
    return outcome.exitCode();
  }

  private static Trainable load(String file) throws IOException, ClassNotFoundException {
    if (file == null) {
      throw new IllegalStateException(
          ContractEnvironment.TRAINABLE_FILE
              + " is not set; this process runs a Trainable that tunebeam serialized");
    }
    try (InputStream in = Files.newInputStream(Path.of(file));
        ObjectInputStream objects = new ObjectInputStream(in)) {
      return (Trainable) objects.readObject();
    }
  }
}
