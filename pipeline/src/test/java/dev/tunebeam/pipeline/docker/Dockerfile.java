package dev.tunebeam.pipeline.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile the image tests check, read the way Docker reads them: continuation
 * lines joined, comments dropped, global {@code ARG} defaults substituted into {@code FROM}.
 */
record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {
  /** One {@code COPY}: {@code from} is the stage name, or null for the build context. */
  record Copy(String from, List<String> sources, String destination) {}

  record Stage(
      String image, String name, List<Copy> copies, List<String> entrypoint, List<String> lines) {}

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

  static Dockerfile read(Path file) throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      instructions.add(current.toString().strip());
      current.setLength(0);
    }
    Map<String, String> globals = new LinkedHashMap<>();
    List<Stage> stages = new ArrayList<>();
    for (String instruction : instructions) {
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String rest = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        String[] from = rest.split("\\s+");
        String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
        stages.add(
            new Stage(
                substitute(from[0], globals),
                name,
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>()));
      } else if (stages.isEmpty()) {
        if (keyword.equals("ARG")) {
          String[] arg = rest.split("=", 2);
          globals.put(arg[0], arg.length > 1 ? arg[1] : "");
        }
      } else {
        Stage stage = stages.get(stages.size() - 1);
        stage.lines().add(instruction);
        if (keyword.equals("COPY")) {
          stage.copies().add(copy(rest));
        } else if (keyword.equals("ENTRYPOINT")) {
          stage.entrypoint().clear();
          stage
              .entrypoint()
              .addAll(Arrays.asList(new ObjectMapper().readValue(rest, String[].class)));
        }
      }
    }
    return new Dockerfile(globals, stages);
  }

  private static Copy copy(String rest) {
    List<String> words = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
    String from = null;
    while (words.get(0).startsWith("--")) {
      String flag = words.remove(0);
      if (flag.startsWith("--from=")) {
        from = flag.substring("--from=".length());
      }
    }
    String destination = words.remove(words.size() - 1);
    return new Copy(from, words, destination);
  }

  private static String substitute(String text, Map<String, String> args) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
    }
    return m.appendTail(out).toString();
  }

  Stage last() {
    return stages.get(stages.size() - 1);
  }

  List<String> stageNames() {
    return stages.stream().map(Stage::name).filter(n -> n != null).toList();
  }

  List<Copy> copies() {
    return stages.stream().flatMap(s -> s.copies().stream()).toList();
  }
}
