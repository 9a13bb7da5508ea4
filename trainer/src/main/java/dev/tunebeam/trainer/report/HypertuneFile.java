package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the hypertune metric file a trainer writes ({@link HypertuneReporter}, or Google's {@code
 * cloudml-hypertune}): one JSON object per line with {@code timestamp}, {@code trial}, {@code
 * global_step} and one metric tag, its value a number or a string holding one. Lines of one step
 * merge into one {@link StepMetrics}, in the order steps first appear.
 */
public final class HypertuneFile {
  /** Keys that are bookkeeping, not metrics. */
  private static final Set<String> RESERVED =
      Set.of("timestamp", "trial", "global_step", "checkpoint_path");

  /**
   * Python's spellings ({@code str(float("nan"))} is {@code nan}, as cloudml-hypertune writes a
   * diverged loss), which Java's parser does not read. Whether such a value may rank a trial is the
   * objective's to judge, not the file's.
   */
  private static final Map<String, Double> NON_FINITE =
      Map.of(
          "nan", Double.NaN,
          "+nan", Double.NaN,
          "-nan", Double.NaN,
          "inf", Double.POSITIVE_INFINITY,
          "+inf", Double.POSITIVE_INFINITY,
          "infinity", Double.POSITIVE_INFINITY,
          "+infinity", Double.POSITIVE_INFINITY,
          "-inf", Double.NEGATIVE_INFINITY,
          "-infinity", Double.NEGATIVE_INFINITY);

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private HypertuneFile() {}

  /**
   * The finished file: every non-blank line must be a report, else IllegalArgumentException with
   * the line number and what is wrong ({@code source} names the file).
   */
  public static List<StepMetrics> parse(String source, String content) {
    return parse(source, content, false);
  }

  /**
   * A file still being written: a trainer may be between truncating and rewriting it, so a line
   * that does not parse ends the reading instead of failing it.
   */
  public static List<StepMetrics> parseGrowing(String content) {
    return parse("", content, true);
  }

  private static List<StepMetrics> parse(String source, String content, boolean growing) {
    Map<Long, Map<String, Double>> steps = new LinkedHashMap<>();
    Map<Long, Double> times = new LinkedHashMap<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      try {
        Report r = line(line);
        steps.computeIfAbsent(r.step(), s -> new LinkedHashMap<>()).putAll(r.metrics());
        times.merge(
            r.step(),
            r.timestamp(),
            (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b));
      } catch (IllegalArgumentException e) {
        if (growing) {
          break;
        }
        String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
        throw new IllegalArgumentException(
            "line "
                + (i + 1)
                + " of the metric file "
                + source
                + " is not a hypertune report ("
                + e.getMessage()
                + "): "
                + shown);
      }
    }
    List<StepMetrics> out = new ArrayList<>();
    steps.forEach((step, metrics) -> out.add(new StepMetrics(step, metrics, times.get(step))));
    return out;
  }

  private record Report(long step, Map<String, Double> metrics, double timestamp) {}

  private static Report line(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    long step = 0;
    JsonNode s = node.get("global_step");
    if (s != null && !s.isNull()) {
      step = (long) number("global_step", s);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!RESERVED.contains(f.getKey())) {
        metrics.put(f.getKey(), number(f.getKey(), f.getValue()));
      }
    }
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("no metric tag besides timestamp, trial and global_step");
    }
    JsonNode t = node.get("timestamp");
    return new Report(step, metrics, t != null && t.isNumber() ? t.asDouble() : Double.NaN);
  }

  private static double number(String key, JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      String text = v.asText().trim();
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        Double special = NON_FINITE.get(text.toLowerCase(Locale.ROOT));
        if (special != null) {
          return special;
        }
        // the sentence below says it
      }
    }
    throw new IllegalArgumentException(key + " is " + v + ", not a number");
  }
}
