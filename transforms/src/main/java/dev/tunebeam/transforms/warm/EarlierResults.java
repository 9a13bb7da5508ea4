package dev.tunebeam.transforms.warm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Reads an earlier study's {@code results.json} (the leaderboard tunebeam writes) through Beam
 * {@link FileSystems}, so a {@code gs://} file reads as a local one does. Each refusal is one
 * sentence naming {@code warm_start.from} and the file: missing, a folder, not JSON, or JSON that
 * is not a tunebeam leaderboard (no study, objective and trials).
 */
@Internal
public final class EarlierResults {
  static final String FIELD = "warm_start.from";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EarlierResults() {}

  public static EarlierStudy read(String location) {
    if (!location.contains("://") && Files.isDirectory(Path.of(location))) {
      throw new IllegalArgumentException(
          FIELD
              + " "
              + location
              + " is a folder; give the results.json file an earlier study wrote in it");
    }
    JsonNode root;
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId()))) {
      root = JSON.readTree(in);
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw missing(location);
    } catch (JsonProcessingException e) {
      throw notResults(location, "it is not JSON");
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No files matched")) {
        throw missing(location);
      }
      throw new IllegalArgumentException(
          FIELD + " " + location + " cannot be read (" + e.getMessage() + "); check the path");
    }
    return parse(location, root);
  }

  /** A leaderboard already read as JSON; {@code source} names it in messages. */
  static EarlierStudy parse(String source, JsonNode root) {
    if (root == null || !root.isObject() || !root.path("study").isTextual()) {
      throw notResults(source, "it has no study name");
    }
    if (!root.path("objective").hasNonNull("metric")) {
      throw notResults(source, "it has no objective");
    }
    if (!root.path("trials").isArray()) {
      throw notResults(source, "it has no trials list");
    }
    String study = root.get("study").asText();
    List<TrialResult> results = new ArrayList<>();
    try {
      Objectives objectives = objectives(root);
      for (JsonNode t : root.get("trials")) {
        results.add(result(study, t));
      }
      return new EarlierStudy(source, study, objectives, results);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw notResults(source, "a trial or its objective cannot be read: " + e.getMessage());
    }
  }

  private static Objectives objectives(JsonNode root) {
    List<Objective> all = new ArrayList<>();
    if (root.path("objectives").isArray()) {
      root.get("objectives").forEach(o -> all.add(objective(o)));
    } else {
      all.add(objective(root.get("objective")));
    }
    return new Objectives(all);
  }

  private static Objective objective(JsonNode o) {
    return Objective.parse(
        o.path("metric").asText(null),
        o.hasNonNull("goal") ? o.get("goal").asText() : null,
        o.hasNonNull("measurement") ? o.get("measurement").asText() : null);
  }

  private static TrialResult result(String study, JsonNode t) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = t.path("parameters").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parameters.put(e.getKey(), value(e.getValue()));
    }
    Trial trial = new Trial(t.get("trial_id").asText(), study, parameters);
    List<EpochRecord> history = new ArrayList<>();
    for (JsonNode h : t.path("history")) {
      Map<String, Double> metrics = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("epoch")
            && !e.getKey().equals("seconds")
            && e.getValue().isNumber()) {
          metrics.put(e.getKey(), e.getValue().asDouble());
        }
      }
      history.add(EpochRecord.of(h.path("epoch").asInt(), number(h, "seconds"), metrics));
    }
    return TrialResult.builder(trial, text(t, "backend"), TrialStatus.valueOf(text(t, "status")))
        .history(history)
        .device(text(t, "device"))
        .wallSeconds(number(t, "seconds"))
        .groupWallSeconds(number(t, "group_seconds"))
        .error(text(t, "error"))
        .location(text(t, "location"))
        .build();
  }

  /**
   * A parameter as the trial held it: results.json writes one that reads as a number as a JSON
   * number ({@code 64}, {@code 0.001}); its plain text is the trial's canonical value.
   */
  private static String value(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    if (v.isNumber()) {
      return v.decimalValue().stripTrailingZeros().toPlainString();
    }
    return v.asText();
  }

  private static String text(JsonNode node, String key) {
    return node.hasNonNull(key) ? node.get(key).asText() : null;
  }

  private static double number(JsonNode node, String key) {
    return node.path(key).isNumber() ? node.get(key).asDouble() : Double.NaN;
  }

  private static IllegalArgumentException missing(String location) {
    return new IllegalArgumentException(
        FIELD + " " + location + " does not exist; give the results.json an earlier study wrote");
  }

  private static IllegalArgumentException notResults(String location, String why) {
    return new IllegalArgumentException(
        FIELD
            + " "
            + location
            + " is not a tunebeam results file ("
            + why
            + "); give the results.json an earlier study wrote");
  }
}
