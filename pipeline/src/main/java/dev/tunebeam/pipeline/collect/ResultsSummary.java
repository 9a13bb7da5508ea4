package dev.tunebeam.pipeline.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.transforms.results.LeaderboardFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Prints the top of the written leaderboard and where its files are. */
public final class ResultsSummary {
  private ResultsSummary() {}

  /** Trials by status, as the table counts them. */
  public record Counts(long succeeded, long failed, long skipped) {}

  public static Counts print(String output, int top, PrintStream out) {
    return print(
        output,
        top,
        out,
        "per-trial metrics and models under "
            + output
            + "/trials/, TensorBoard runs of local trials under "
            + output
            + "/tensorboard/");
  }

  /** {@code artifacts} says where the per-trial files are. */
  public static Counts print(String output, int top, PrintStream out, String artifacts) {
    String csv = output.endsWith("/") ? output + "results.csv" : output + "/results.csv";
    try (InputStream in =
            Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(csv, false)));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      List<List<String>> rows = new ArrayList<>();
      long succeeded = 0;
      long failed = 0;
      long skipped = 0;
      long stopped = 0;
      for (CSVRecord r : parser) {
        rows.add(new ArrayList<>(r.toList()));
        switch (r.get("status")) {
          case "SUCCEEDED" -> succeeded++;
          case "SKIPPED" -> skipped++;
          case "STOPPED" -> stopped++;
          default -> failed++;
        }
      }
      out.printf(
          "%d trials: %d succeeded, %d failed%s%s.%n",
          rows.size(),
          succeeded,
          failed,
          skipped > 0 ? ", " + skipped + " skipped" : "",
          stopped > 0 ? ", " + stopped + " stopped early by the schedule" : "");
      if (succeeded > 0) {
        List<String> best = rows.get(0);
        StringBuilder params = new StringBuilder();
        // The objective's column (best_val_accuracy, last_train_loss, ...) follows the parameters.
        int objective = header.indexOf("trial_id") + 1;
        while (objective < header.size() && !header.get(objective).matches("(best|last)_.+")) {
          objective++;
        }
        for (int c = header.indexOf("trial_id") + 1; c < objective; c++) {
          params
              .append(params.length() == 0 ? "" : ", ")
              .append(header.get(c))
              .append('=')
              .append(best.get(c));
        }
        out.printf(
            "Best trial: %s (%s), %s %s.%n",
            best.get(header.indexOf("trial_id")),
            params,
            objective < header.size() ? header.get(objective).replaceFirst("_", " ") : "objective",
            objective < header.size() ? best.get(objective) : "");
      }
      objectiveWarning(output).ifPresent(out::println);
      out.println();
      out.print(LeaderboardFormats.table(header, rows, top));
      out.println();
      out.println(
          "Leaderboard: " + csv + " (also results.json, results.md, report.html); " + artifacts);
      return new Counts(succeeded, failed, skipped);
    } catch (IOException e) {
      out.println(
          "Results were written to " + output + " but cannot be read back: " + e.getMessage());
      return new Counts(0, 0, 0);
    }
  }

  /**
   * The leaderboard's one sentence when no trial reported an objective's metric: said once here,
   * not only in every FAILED row.
   */
  private static Optional<String> objectiveWarning(String output) {
    String json = output.endsWith("/") ? output + "results.json" : output + "/results.json";
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(json, false)))) {
      JsonNode w = new ObjectMapper().readTree(in).path("objective_warning");
      return w.isTextual() ? Optional.of(w.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
