package dev.tunebeam.transforms.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.transforms.study.Judgement;
import dev.tunebeam.transforms.study.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data the report's script draws, as one JSON object: the objective, the parameters that vary
 * (with their kind and values) and those that do not, every trial with its metrics per epoch, the
 * parameter importances, and the model-epochs spent ({@link ModelEpochHistory}). Safe inside a
 * {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} are written as
 * {@code \}{@code u} escapes.
 */
final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  static String of(Leaderboard board, String study) {
    List<ReportTrial> trials = ReportTrials.of(board);
    List<ReportTrial> plotted = trials.stream().filter(ReportTrial::plotted).toList();
    ObjectNode root = JSON.createObjectNode();
    root.put("study", study);
    ObjectNode objective = root.putObject("objective");
    objective.put("name", ReportTrials.objectiveName(board));
    objective.put("label", ReportTrials.objectiveLabel(board));
    objective.put("maximize", ReportTrials.maximize(board));
    if (board.objectives().several()) {
      ArrayNode all = root.putArray("objectives");
      for (Objective o : board.objectives().all()) {
        all.addObject()
            .put("metric", o.metric())
            .put("label", o.metric() + " (" + o.goal().name().toLowerCase(Locale.ROOT) + ")")
            .put("maximize", o.maximize());
      }
    }

    Map<String, List<String>> varying = new LinkedHashMap<>();
    ObjectNode fixed = root.putObject("fixed");
    for (String p : board.parameterNames()) {
      List<String> values = plotted.stream().map(t -> t.parameters().getOrDefault(p, "")).toList();
      if (values.stream().distinct().count() > 1) {
        varying.put(p, values);
      } else if (!values.isEmpty()) {
        fixed.put(p, values.get(0));
      }
    }
    List<ParameterImportance.Share> importance =
        ParameterImportance.of(varying, plotted.stream().map(ReportTrial::objective).toList());
    ArrayNode parameters = root.putArray("parameters");
    // Axes in order of importance: the parallel coordinates read left to right from what matters
    // most.
    importance.forEach(s -> parameters.add(parameter(s.parameter(), varying.get(s.parameter()))));
    ArrayNode shares = root.putArray("importance");
    importance.forEach(
        s ->
            shares
                .addObject()
                .put("parameter", s.parameter())
                .put("share", s.share())
                .put("normalized", s.normalized()));

    Set<String> metrics = new LinkedHashSet<>();
    trials.forEach(t -> metrics.addAll(t.metrics().keySet()));
    metrics.forEach(root.putArray("metrics")::add);
    root.put(
        "defaultMetric",
        metrics.contains(ReportTrials.objectiveMetric(board))
            ? ReportTrials.objectiveMetric(board)
            : metrics.stream().findFirst().orElse(""));

    ArrayNode out = root.putArray("trials");
    List<ReportTrial> numbered = new ArrayList<>(trials);
    numbered.sort(Comparator.comparing(ReportJson::launchKey));
    Map<String, Integer> number = new LinkedHashMap<>();
    for (int i = 0; i < numbered.size(); i++) {
      number.put(numbered.get(i).id(), i + 1);
    }
    int[] fronts = board.fronts();
    for (int i = 0; i < trials.size(); i++) {
      ReportTrial t = trials.get(i);
      ObjectNode n = out.addObject();
      if (board.objectives().several()) {
        n.put("front", fronts[i]);
        ArrayNode values = n.putArray("values");
        Judgement j = board.ranked().get(i).judgement();
        board.objectives().metrics().forEach(m -> numberTo(values, j.value(m)));
      }
      n.put("rank", t.rank())
          .put("number", number.get(t.id()))
          .put("id", t.id())
          .put("status", t.status())
          .put("plotted", t.plotted());
      ObjectNode params = n.putObject("params");
      t.parameters().forEach(params::put);
      number(n, "objective", t.objective());
      n.put("chosenEpoch", t.chosenEpoch()).put("stoppedEpoch", t.stoppedEpoch());
      t.epochs().forEach(n.putArray("epochs")::add);
      ObjectNode m = n.putObject("metrics");
      t.metrics().forEach((tag, values) -> values.forEach(v -> numberTo(m.withArray(tag), v)));
    }
    ArrayNode spent = root.putArray("modelEpochs");
    for (ModelEpochHistory.Piece piece : ModelEpochHistory.of(numbered)) {
      ObjectNode p =
          spent
              .addObject()
              .put("id", piece.id())
              .put("spent", piece.spent())
              .put("epoch", piece.epoch());
      number(p, "value", piece.value());
      p.put("last", piece.last());
    }
    try {
      return JSON.writeValueAsString(root)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Today's results carry no start time, so trials are numbered by their parameters: a grid's own
   * order.
   */
  private static String launchKey(ReportTrial t) {
    return t.parameters().toString() + "\u0000" + t.id();
  }

  private static ObjectNode parameter(String name, List<String> values) {
    ObjectNode p = JSON.createObjectNode().put("name", name);
    boolean numeric = values.stream().allMatch(ParameterImportance::isNumber);
    if (!numeric) {
      p.put("kind", "category");
      values.stream().distinct().sorted().forEach(p.putArray("values")::add);
      return p;
    }
    double min = values.stream().mapToDouble(Double::parseDouble).min().orElse(0);
    double max = values.stream().mapToDouble(Double::parseDouble).max().orElse(0);
    // Spans of two decades or more (learning rates) read better on a log axis.
    p.put("kind", min > 0 && max / min >= 100 ? "log" : "value");
    return p;
  }

  private static void number(ObjectNode n, String field, double v) {
    if (Double.isFinite(v)) {
      n.put(field, v);
    } else {
      n.putNull(field);
    }
  }

  private static void numberTo(ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(v);
    } else {
      a.addNull();
    }
  }
}
