package dev.tunebeam.transforms.search.replay;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.trainer.report.EpochRecord;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.TrialStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A recording on disk, either way round: a finished study's output folder (its {@code
 * results.json}, which holds every trial's parameters, status and per-epoch history) or the compact
 * file {@link #write} makes of one ({@code "format": "tunebeam-recording/1"}: the study, its
 * objectives, how the recording was made, and per trial its parameters, status and one row of
 * numbers per epoch under shared {@code columns}; no checkpoints, models or logs). Local paths and
 * {@code gs://} alike (Beam FileSystems). Refusals are one sentence that starts with the location.
 */
@Internal
public final class RecordingFiles {
  public static final String FORMAT = "tunebeam-recording/1";
  static final String RESULTS = "results.json";
  private static final String EPOCH = "epoch";
  private static final String SECONDS = "seconds";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingFiles() {}

  /** A folder's {@code results.json}, or a recording file (any path ending in {@code .json}). */
  public static Recording read(String location) {
    boolean file = location.endsWith(".json");
    String path = file ? location : (location.endsWith("/") ? location : location + "/") + RESULTS;
    JsonNode root;
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      root = JSON.readTree(in);
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw new IllegalArgumentException(
          location
              + (file ? " does not exist" : " holds no " + RESULTS)
              + "; give a finished study's output folder or a recording file (recording.json)");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          path + " is not JSON (" + e.getMessage() + "); give a finished study's " + RESULTS);
    }
    if (root == null || !root.isObject() || !root.path("trials").isArray()) {
      throw new IllegalArgumentException(
          path + " is not a tunebeam results file or recording: it has no trials list");
    }
    return FORMAT.equals(root.path("format").asText(null))
        ? fromRecording(root, location)
        : fromResults(root, location);
  }

  private static Recording fromResults(JsonNode root, String location) {
    List<RecordedTrial> trials = new ArrayList<>();
    for (JsonNode t : root.get("trials")) {
      List<EpochRecord> history = new ArrayList<>();
      for (JsonNode e : t.path("history")) {
        Map<String, Double> metrics = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (!f.getKey().equals(EPOCH) && !f.getKey().equals(SECONDS) && f.getValue().isNumber()) {
            metrics.put(f.getKey(), f.getValue().doubleValue());
          }
        }
        history.add(
            EpochRecord.of(e.path(EPOCH).asInt(), number(e.get(SECONDS)), new TreeMap<>(metrics)));
      }
      trials.add(trial(t, location, history));
    }
    return new Recording(
        root.path("study").asText(""), objectives(root), trials, location, Map.of());
  }

  private static Recording fromRecording(JsonNode root, String location) {
    List<String> columns = new ArrayList<>();
    root.path("columns").forEach(c -> columns.add(c.asText()));
    int epoch = columns.indexOf(EPOCH);
    int seconds = columns.indexOf(SECONDS);
    if (epoch < 0) {
      throw new IllegalArgumentException(
          location + " has no epoch column; write it again with simulate --saveRecording");
    }
    List<RecordedTrial> trials = new ArrayList<>();
    for (JsonNode t : root.get("trials")) {
      List<EpochRecord> history = new ArrayList<>();
      for (JsonNode row : t.path("epochs")) {
        Map<String, Double> metrics = new TreeMap<>();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
          if (i != epoch && i != seconds && row.get(i).isNumber()) {
            metrics.put(columns.get(i), row.get(i).doubleValue());
          }
        }
        history.add(
            EpochRecord.of(
                row.path(epoch).asInt(),
                seconds < 0 ? Double.NaN : number(row.get(seconds)),
                metrics));
      }
      trials.add(trial(t, location, history));
    }
    Map<String, String> made = new LinkedHashMap<>();
    root.path("made").fields().forEachRemaining(f -> made.put(f.getKey(), f.getValue().asText()));
    return new Recording(root.path("study").asText(""), objectives(root), trials, location, made);
  }

  private static RecordedTrial trial(JsonNode t, String location, List<EpochRecord> history) {
    Map<String, String> parameters = new LinkedHashMap<>();
    t.path("parameters")
        .fields()
        .forEachRemaining(f -> parameters.put(f.getKey(), text(f.getValue())));
    String status = t.path("status").asText("SUCCEEDED");
    TrialStatus s;
    try {
      s = TrialStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          location
              + ": trial "
              + t.path("trial_id").asText(t.path("id").asText())
              + " has status "
              + status
              + ", which tunebeam does not write");
    }
    return new RecordedTrial(
        t.path("trial_id").asText(t.path("id").asText("")),
        parameters,
        s,
        t.hasNonNull("error") ? t.get("error").asText() : null,
        history,
        t.path("device").asText(""));
  }

  /** A parameter as the space writes it: {@code 64}, {@code 0.001}, {@code relu}. */
  private static String text(JsonNode v) {
    return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText();
  }

  private static double number(JsonNode v) {
    return v == null || !v.isNumber() ? Double.NaN : v.doubleValue();
  }

  private static Objectives objectives(JsonNode root) {
    List<Objective> all = new ArrayList<>();
    if (root.path("objectives").isArray()) {
      root.get("objectives").forEach(o -> all.add(objective(o)));
    } else if (root.path("objective").hasNonNull("metric")) {
      all.add(objective(root.get("objective")));
    }
    return all.isEmpty() ? Objectives.DEFAULT : new Objectives(all);
  }

  private static Objective objective(JsonNode o) {
    return Objective.parse(
        o.path("metric").asText(null),
        o.hasNonNull("goal") ? o.get("goal").asText() : null,
        o.hasNonNull("measurement") ? o.get("measurement").asText() : null);
  }

  /**
   * The recording as one compact file at {@code location}: numbers at full precision, one line of
   * numbers per epoch. {@code made} says how it was made (command, machine, date).
   */
  public static void write(Recording recording, Map<String, String> made, String location)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("study", recording.study());
    putObjective(root.putObject("objective"), recording.objectives().primary());
    if (recording.objectives().several()) {
      ArrayNode all = root.putArray("objectives");
      recording.objectives().all().forEach(o -> putObjective(all.addObject(), o));
    }
    ObjectNode how = root.putObject("made");
    made.forEach(how::put);
    List<String> columns = new ArrayList<>(List.of(EPOCH, SECONDS));
    columns.addAll(new TreeSet<>(recording.metrics()));
    ArrayNode cols = root.putArray("columns");
    columns.forEach(cols::add);
    ArrayNode trials = root.putArray("trials");
    for (RecordedTrial t : recording.trials()) {
      ObjectNode n = trials.addObject();
      n.put("id", t.id());
      n.put("status", t.status().name());
      if (t.error() != null) {
        n.put("error", t.error());
      }
      n.put("device", t.device());
      ObjectNode params = n.putObject("parameters");
      t.parameters().forEach(params::put);
      ArrayNode epochs = n.putArray("epochs");
      for (EpochRecord e : t.history()) {
        ArrayNode row = epochs.addArray();
        row.add(e.epoch());
        putNumber(row, e.seconds());
        columns.subList(2, columns.size()).forEach(c -> putNumber(row, e.metric(c)));
      }
    }
    // Arrays on one line: an epoch is one row of numbers, not one line per number.
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(location, false), MimeTypes.TEXT))) {
      out.write(JSON.writer(printer).writeValueAsBytes(root));
      out.write('\n');
    }
  }

  private static void putObjective(ObjectNode node, Objective o) {
    node.put("metric", o.metric());
    node.put("goal", o.goal().name().toLowerCase(Locale.ROOT));
    node.put("measurement", o.measurement().name().toLowerCase(Locale.ROOT));
  }

  private static void putNumber(ArrayNode row, double v) {
    if (Double.isFinite(v)) {
      row.add(v);
    } else {
      row.addNull();
    }
  }
}
