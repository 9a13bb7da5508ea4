package dev.tunebeam.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.MemberRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The trainer contract's flags, turned into the models to train. One model by default; with {@code
 * --group FILE} a JSON list of members, each with its own flags, trained as one fused group (how a
 * local worker process runs a group of trials).
 */
public final class TrainerArgs {
  /**
   * The flags (without dashes) a search space may vary: the declarations of {@link
   * Hyperparameters}.
   */
  public static final Set<String> HYPERPARAMETERS = FlagParser.names(new Hyperparameters());

  private static final Set<String> MODEL_FLAGS = FlagParser.names(new ModelFlags());

  private TrainerArgs() {}

  /**
   * What a process was asked to do: train these members with this many compute threads (0: engine
   * default).
   */
  public record Invocation(List<MemberRun> members, int threads, boolean help, boolean group) {}

  public static Invocation parse(List<String> args, Map<String, String> env) {
    TrainerCommand command = new TrainerCommand();
    FlagParser parser = FlagParser.of(command);
    ParseResult parsed = parser.parse(args);
    if (command.threads < 0) {
      throw new UsageException(
          "--threads "
              + command.threads
              + " is negative; use 0 for the engine's default or a positive count");
    }
    if (parser.helpRequested()) {
      return new Invocation(List.of(), command.threads, true, false);
    }
    if (command.group != null) {
      for (OptionSpec given : parsed.matchedOptions()) {
        if (MODEL_FLAGS.contains(given.longestName().substring(2))) {
          throw new UsageException(
              given.longestName()
                  + " conflicts with --group; put it in the group file's member args");
        }
      }
      return new Invocation(group(command.group), command.threads, false, true);
    }
    return new Invocation(List.of(command.model.member(env)), command.threads, false, false);
  }

  /** The trainer's help page, generated from the declarations. */
  public static String usage() {
    return FlagParser.of(new TrainerCommand()).usage();
  }

  /**
   * One model from its flags alone (no environment): what a search space's trial is checked
   * against.
   */
  public static MemberRun member(List<String> args) {
    return member(args, Map.of());
  }

  /**
   * One model from its flags; Vertex's AIP_* variables in {@code env} fill the folders not given.
   */
  public static MemberRun member(List<String> args, Map<String, String> env) {
    return MEMBER_PARSER.get().member(args, env);
  }

  /**
   * Reading the declarations costs milliseconds, and a search space checks every trial through
   * here: each thread keeps one parser, which picocli resets to the defaults before every parse.
   */
  private static final ThreadLocal<MemberParser> MEMBER_PARSER =
      ThreadLocal.withInitial(MemberParser::new);

  private static final class MemberParser {
    private final ModelFlags flags = new ModelFlags();
    private final FlagParser parser = FlagParser.of(flags);

    MemberRun member(List<String> args, Map<String, String> env) {
      parser.parse(args);
      return flags.member(env);
    }
  }

  private static List<MemberRun> group(String file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw new UsageException("--group " + file + " cannot be read: " + e.getMessage());
    }
    JsonNode members = root.path("members");
    if (!members.isArray() || members.isEmpty()) {
      throw new UsageException(
          "--group "
              + file
              + " has no members; it must be {\"members\": [{\"args\": [...]}, ...]}");
    }
    List<MemberRun> runs = new ArrayList<>();
    for (JsonNode m : members) {
      List<String> args = new ArrayList<>();
      m.path("args").forEach(a -> args.add(a.asText()));
      runs.add(member(args));
    }
    return runs;
  }
}
