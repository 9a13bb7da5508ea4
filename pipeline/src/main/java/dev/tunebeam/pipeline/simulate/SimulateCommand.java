package dev.tunebeam.pipeline.simulate;

import dev.tunebeam.pipeline.OptionErrors;
import dev.tunebeam.trainer.cli.FlagParser;
import dev.tunebeam.transforms.search.replay.AlgorithmFigures;
import dev.tunebeam.transforms.search.replay.Recording;
import dev.tunebeam.transforms.search.replay.RecordingFiles;
import dev.tunebeam.transforms.search.replay.Replay;
import dev.tunebeam.transforms.search.replay.Simulation;
import dev.tunebeam.transforms.search.replay.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code java -jar tunebeam.jar simulate --from=OUTPUT [--searchSpace=FILE] ...}: replays a
 * finished study ({@link Replay}) for each algorithm asked for, over several seeds, and prints
 * {@link SimulationTable}. Trains nothing and writes nothing, except a recording file with {@code
 * --saveRecording}. Exit 0; 2 with one sentence for a bad flag, a recording that cannot be read or
 * lacks a point the space asks for.
 */
public final class SimulateCommand {
  public static final String COMMAND = "simulate";

  private SimulateCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    SimulateOptions o = new SimulateOptions();
    FlagParser parser = FlagParser.of(o);
    String[] argv = args.toArray(String[]::new);
    try {
      parser.parse(args);
      if (args.stream().anyMatch(a -> a.contains("://"))) {
        // gs:// and other schemes register with the options; building them takes seconds, so a
        // local replay does without (the local file system is always there).
        FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
      }
      if (parser.helpRequested()) {
        out.println(parser.usage());
        return 0;
      }
      checkFlags(o);
      Recording recording = read(o.from);
      if (o.saveRecording != null) {
        return save(recording, o, out);
      }
      long started = System.nanoTime();
      SpaceVariants spaces = SpaceVariants.of(o.searchSpace, o.algorithms);
      Replay replay = Replay.of(recording, spaces.space());
      Target target = replay.target(o.tolerance);
      List<AlgorithmFigures> figures =
          Simulation.run(replay, spaces.variants(), o.seeds, target, o.budget);
      SimulationTable.print(
          replay, target, figures, o.seeds, o.budget, (System.nanoTime() - started) / 1e9, out);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + OptionErrors.sentence(e.getMessage(), argv));
      return 2;
    } catch (IOException e) {
      err.println("error: cannot write --saveRecording " + o.saveRecording + ": " + e.getMessage());
      return 1;
    }
  }

  private static void checkFlags(SimulateOptions o) {
    if (o.from == null) {
      throw new IllegalArgumentException(
          "--from is required: a finished study's output folder (with results.json) or a recording file");
    }
    if (o.seeds < 1) {
      throw new IllegalArgumentException(
          "--seeds " + o.seeds + " is not allowed; use 1 or more replays per algorithm");
    }
    if (!(o.tolerance >= 0) || Double.isInfinite(o.tolerance)) {
      throw new IllegalArgumentException(
          "--tolerance "
              + o.tolerance
              + " is not allowed; use 0 or a positive number in the objective's units, such as 0.003");
    }
    if (o.budget < 0) {
      throw new IllegalArgumentException(
          "--budget "
              + o.budget
              + " is not allowed; use a number of model-epochs, or 0 for the whole study");
    }
    if (o.note != null && o.saveRecording == null) {
      throw new IllegalArgumentException(
          "--note is only kept with --saveRecording; add --saveRecording=FILE or drop --note");
    }
  }

  private static Recording read(String from) {
    try {
      return RecordingFiles.read(from);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--from " + e.getMessage(), e);
    }
  }

  private static int save(Recording recording, SimulateOptions o, PrintStream out)
      throws IOException {
    if (!o.saveRecording.endsWith(".json")) {
      throw new IllegalArgumentException(
          "--saveRecording "
              + o.saveRecording
              + " must end in .json, so that --from reads it back as a recording file");
    }
    Map<String, String> made = new LinkedHashMap<>(recording.made());
    made.put("from", recording.source());
    made.put("saved", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    if (o.note != null) {
      made.put("note", o.note);
    }
    RecordingFiles.write(recording, made, o.saveRecording);
    out.printf(
        "Wrote the recording of %d trials of %s to %s; replay it with: java -jar tunebeam.jar simulate --from=%s%n",
        recording.trials().size(), recording.study(), o.saveRecording, o.saveRecording);
    return 0;
  }
}
