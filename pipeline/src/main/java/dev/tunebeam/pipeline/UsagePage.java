package dev.tunebeam.pipeline;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * tunebeam's own {@code --help}: the commands, the options a newcomer needs first in four groups,
 * three example commands and where the full list is. Each option's text is its {@code @Description}
 * and {@code @Default}, read from {@link SearchOptions}, so this page cannot drift from what the
 * options do.
 */
final class UsagePage {
  static final int WIDTH = 100;
  static final String JAR = "java -jar tunebeam.jar";
  static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("What to search", List.of("searchSpace", "objective", "maxTrials", "dryRun"));
    GROUPS.put("Where to write", List.of("output", "resume"));
    GROUPS.put(
        "How to train", List.of("epochs", "trainSamples", "dataDir", "device", "localWorkers"));
    GROUPS.put(
        "Where to run",
        List.of(
            "backend",
            "project",
            "region",
            "bucket",
            "containerUri",
            "maxParallelTrials",
            "runner"));
  }

  private UsagePage() {}

  static void print(PrintStream out) {
    out.println(
        "tunebeam: hyperparameter search as an Apache Beam pipeline (LeNet-5 on Fashion-MNIST built in).");
    out.println();
    out.println("Usage: " + JAR + " [run] [--option=value]...");
    out.println(
        "         run a study: expand the search space, train every trial, rank them, write the leaderboard");
    out.println("       " + JAR + " collect --output=DIR");
    out.println(
        "         write the leaderboard of Vertex AI jobs that a run with --waitForCompletion=false submitted");
    out.println("       " + JAR + " tune --project=P --bucket=B [--debug-sync]");
    out.println(
        "         launch the study as one Vertex AI HyperparameterTuningJob (its flags: tune --help)");
    out.println(
        "       " + JAR + " simulate --from=OUTPUT [--searchSpace=FILE] [--algorithms=all]");
    out.println(
        "         replay a finished study's curves under search algorithms, training nothing (simulate --help)");
    out.println(
        "With no arguments it runs the reference study (27 trials of 10 epochs) here, into ./tunebeam-output.");
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      out.println();
      out.println(group.getKey() + ":");
      for (String option : group.getValue()) {
        printOption(out, option);
      }
    }
    out.println();
    out.println("Examples:");
    out.println("  " + JAR + " --searchSpace=space.yaml --dryRun");
    out.println(
        "      list the trials, where each runs and an estimate of time and cost; nothing is trained");
    out.println(
        "  " + JAR + " --searchSpace=space.yaml --epochs=3 --trainSamples=6000 --output=out");
    out.println(
        "      a quick local study; out/report.html, out/results.csv and `tensorboard --logdir out/tensorboard`");
    out.println(
        "  "
            + JAR
            + " --backend=vertex --project=my-project --region=us-central1 --bucket=my-bucket \\");
    out.println("      --output=gs://my-bucket/studies/lenet5");
    out.println(
        "      every trial as a Vertex AI CustomJob, the leaderboard written to the bucket");
    out.println();
    out.println("All options: " + JAR + " --help=" + SearchOptions.class.getName());
    out.println("Dataflow's options: " + JAR + " --help=DataflowPipelineOptions");
    out.println("Options are written --name=value; a boolean alone (--dryRun) means true.");
  }

  private static void printOption(PrintStream out, String option) {
    if (option.equals("runner")) {
      out.println("  --runner=DirectRunner|DataflowRunner   (default DirectRunner)");
      wrap(
          out,
          "The Beam runner: this machine, or a Dataflow job (then also --tempLocation=gs://...).");
      return;
    }
    if (option.equals("project")) {
      out.println("  --project=<String>");
      wrap(
          out,
          "Google Cloud project for Vertex AI jobs and Dataflow. Empty: gcloud's core/project.");
      return;
    }
    Method getter = getter(option);
    String description = getter.getAnnotation(Description.class).value();
    String type = getter.getReturnType().getSimpleName();
    out.println("  --" + option + "=<" + type + ">" + defaultOf(getter));
    wrap(out, description);
  }

  static Method getter(String option) {
    String name = Character.toUpperCase(option.charAt(0)) + option.substring(1);
    for (Class<?> iface : List.of(SearchOptions.class, GcpOptions.class)) {
      for (String prefix : List.of("get", "is")) {
        try {
          return iface.getMethod(prefix + name);
        } catch (NoSuchMethodException e) {
          // try the next spelling
        }
      }
    }
    throw new IllegalStateException("SearchOptions has no option --" + option);
  }

  /**
   * The default as a value a user would type; factories and empty strings say nothing here (the
   * description does).
   */
  private static String defaultOf(Method getter) {
    String value = null;
    if (getter.getAnnotation(Default.String.class) != null) {
      value = getter.getAnnotation(Default.String.class).value();
    } else if (getter.getAnnotation(Default.Integer.class) != null) {
      value = String.valueOf(getter.getAnnotation(Default.Integer.class).value());
    } else if (getter.getAnnotation(Default.Boolean.class) != null) {
      value = String.valueOf(getter.getAnnotation(Default.Boolean.class).value());
    } else if (getter.getAnnotation(Default.Long.class) != null) {
      value = String.valueOf(getter.getAnnotation(Default.Long.class).value());
    }
    return value == null || value.isEmpty() ? "" : "   (default " + value + ")";
  }

  private static void wrap(PrintStream out, String text) {
    String indent = "      ";
    StringBuilder line = new StringBuilder(indent);
    List<String> lines = new ArrayList<>();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > WIDTH && line.length() > indent.length()) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
      }
      line.append(line.length() > indent.length() ? " " : "").append(word);
    }
    lines.add(line.toString());
    lines.forEach(out::println);
  }
}
