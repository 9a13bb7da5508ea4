package dev.tunebeam.pipeline.simulate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate}'s flags as declared; picocli fills them, {@link SimulateCommand} checks them.
 */
@Command(
    name = "simulate",
    sortOptions = false,
    usageHelpWidth = 110,
    customSynopsis =
        "java -jar tunebeam.jar simulate --from=OUTPUT [--searchSpace=FILE] [--seeds=20] [--tolerance=0.003] [--budget=N]",
    description = {
      "Replays a finished study: runs a search algorithm against the per-epoch results recorded in OUTPUT",
      "(a finished grid's output folder, or a recording file) instead of training, and prints, per algorithm,",
      "the median trials and model-epochs until a trial within --tolerance of the recorded best, and the best",
      "found within --budget. Nothing is trained or written (except by --saveRecording)."
    },
    footer = {
      "Trials are counted in the order one worker would train them: stages in order, a stage's trials in the",
      "order the algorithm lists them. See docs/search.md, \"Replaying a finished study\"."
    })
final class SimulateOptions {
  @Option(
      names = "--from",
      paramLabel = "OUTPUT",
      description =
          "a finished study's output folder (its results.json) or a recording file (.json); required")
  String from;

  @Option(
      names = "--searchSpace",
      paramLabel = "FILE",
      description =
          "the study to replay: its parameters, algorithm and objective (default: the reference study, a grid)")
  String searchSpace;

  @Option(
      names = "--algorithms",
      paramLabel = "LIST",
      description =
          "algorithms to replay: the space's own (default), all, or keys such as grid,random,tpe; another"
              + " algorithm reads its keys from the space file, and samples or trials default to the"
              + " space's size, batch to 1")
  String algorithms;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "20",
      description = "replays per algorithm, with the space's seed, seed+1, ... (${DEFAULT-VALUE})")
  int seeds;

  @Option(
      names = "--tolerance",
      paramLabel = "X",
      defaultValue = "0.003",
      description =
          "a trial counts as found when within X of the recorded best, in the objective's units (${DEFAULT-VALUE})")
  double tolerance;

  @Option(
      names = "--budget",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "model-epochs for the best-within-budget column; 0: the whole study (${DEFAULT-VALUE})")
  long budget;

  @Option(
      names = "--saveRecording",
      paramLabel = "FILE",
      description =
          "write --from's trials (parameters, status, per-epoch metrics and seconds) to FILE as a compact"
              + " recording, and replay nothing")
  String saveRecording;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      description =
          "with --saveRecording: how the study was made (command, machine, date), kept in the file")
  String note;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "this page")
  boolean help;
}
