package dev.tunebeam.trainer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The trainer process's command line: one model's {@link ModelFlags}, or a fused group, and how to
 * run.
 */
@Command(
    name = "java -jar tunebeam-trainer.jar",
    sortOptions = false,
    usageHelpWidth = 110,
    abbreviateSynopsis = true,
    description =
        "Trains LeNet-5 on Fashion-MNIST under the trial contract: flags as --name value or --name=value; "
            + "exit 0 on success, 2 on bad input, 1 when training fails.")
final class TrainerCommand {
  @Mixin ModelFlags model = new ModelFlags();

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "compute threads (0: the engine's default)")
  int threads;

  @Option(
      names = "--group",
      paramLabel = "FILE",
      description =
          "train a fused group, one JSON member per model: {\"members\": [{\"args\": [...]}, ...]}")
  String group;

  @Option(
      names = "--outcome-file",
      paramLabel = "FILE",
      description = "how the run ended, as JSON (status, exit_code, error), for a parent process")
  String outcomeFile;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this page")
  boolean help;
}
