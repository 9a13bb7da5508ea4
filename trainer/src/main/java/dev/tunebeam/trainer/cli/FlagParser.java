package dev.tunebeam.trainer.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command lines of the trainer and the launcher: picocli over a class of {@code @Option}
 * declarations, in the two spellings Vertex AI and Python's argparse accept ({@code --name value},
 * {@code --name=value}, also {@code --name_with_underscores}). Every bad input is a {@link
 * UsageException} whose one sentence names the flag; help is generated from the declarations.
 */
public final class FlagParser {
  private final CommandLine line;

  private FlagParser(Object declarations) {
    line = new CommandLine(declarations);
    // A repeated flag is refused below with both values; picocli's own refusal names neither.
    line.setOverwrittenOptionsAllowed(true);
    line.setHelpFactory(FlagHelp::new);
    line.setUsageHelpLongOptionsMaxWidth(FlagHelp.LABEL_COLUMN);
    line.registerConverter(Integer.class, FlagValues.integer());
    line.registerConverter(Integer.TYPE, FlagValues.integer());
    line.registerConverter(Long.class, FlagValues.whole(Long.MIN_VALUE, Long.MAX_VALUE));
    line.registerConverter(Long.TYPE, FlagValues.whole(Long.MIN_VALUE, Long.MAX_VALUE));
    line.registerConverter(Float.class, FlagValues.decimal());
    line.registerConverter(Float.TYPE, FlagValues.decimal());
    line.registerConverter(Double.class, FlagValues.doubleValue());
    line.registerConverter(Double.TYPE, FlagValues.doubleValue());
    line.registerConverter(Boolean.class, FlagValues.bool());
    line.registerConverter(Boolean.TYPE, FlagValues.bool());
    for (OptionSpec option : line.getCommandSpec().options()) {
      registerChoice(option.type(), "is not supported");
    }
  }

  /**
   * A parser for the options declared (with picocli's {@code @Option} and {@code @Mixin}) on {@code
   * declarations}.
   */
  public static FlagParser of(Object declarations) {
    return new FlagParser(declarations);
  }

  /**
   * Enum values of {@code type} that name no constant are refused as "VALUE PROBLEM; allowed: ..."
   * (default "is not supported").
   */
  public <E extends Enum<E>> FlagParser choice(Class<E> type, String problem) {
    line.registerConverter(type, FlagValues.choice(type, problem));
    return this;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void registerChoice(Class<?> type, String problem) {
    if (type.isEnum()) {
      choice((Class) type, problem);
    }
  }

  /** Fills the declarations from {@code args}; a UsageException names the flag that is wrong. */
  public ParseResult parse(List<String> args) {
    ParseResult result;
    try {
      result = line.parseArgs(spellings(args).toArray(String[]::new));
    } catch (ParameterException e) {
      throw new UsageException(sentence(e));
    }
    for (OptionSpec option : new LinkedHashSet<>(result.matchedOptions())) {
      List<String> given = option.originalStringValues();
      if (option.arity().max() <= 1 && given.size() > 1) {
        throw new UsageException(
            option.longestName()
                + " is given twice ("
                + given.get(0)
                + " and "
                + given.get(1)
                + "); give it once");
      }
    }
    return result;
  }

  /** Whether {@code -h} or {@code --help} was given. */
  public boolean helpRequested() {
    return line.isUsageHelpRequested();
  }

  /** The help page, generated from the declarations. */
  public String usage() {
    return line.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
  }

  /** The long names (without dashes) of the options declared on {@code declarations}. */
  public static Set<String> names(Object declarations) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : CommandSpec.forAnnotatedObject(declarations).options()) {
      names.add(option.longestName().replaceFirst("^-+", ""));
    }
    return names;
  }

  /**
   * {@code --batch_size} is {@code --batch-size}: argparse and Vertex write either. An empty text
   * value ({@code --data-dir=}, as a script passes an unset variable) counts as not given, so the
   * default holds. Values are left alone.
   */
  private List<String> spellings(List<String> args) {
    List<String> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        out.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = arg.substring(0, eq < 0 ? arg.length() : eq).replace('_', '-');
      OptionSpec option = line.getCommandSpec().findOption(name);
      boolean text = option != null && option.type() == String.class;
      if (text && eq > 0 && eq == arg.length() - 1) {
        continue;
      }
      if (text && eq < 0 && i + 1 < args.size() && args.get(i + 1).isEmpty()) {
        i++;
        continue;
      }
      out.add(eq < 0 ? name : name + arg.substring(eq));
    }
    return out;
  }

  private String sentence(ParameterException e) {
    if (e instanceof CommandLine.MissingParameterException missing
        && !missing.getMissing().isEmpty()) {
      return flag(missing.getMissing().get(0)) + " needs a value";
    }
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String arg = unmatched.getUnmatched().get(0);
      if (arg.startsWith("--")) {
        Set<String> known = new TreeSet<>();
        line.getCommandSpec().options().forEach(o -> known.add(o.longestName()));
        return "unknown flag "
            + arg.replaceFirst("=.*", "")
            + "; known flags: "
            + String.join(", ", known);
      }
      return "unexpected argument " + arg + "; flags look like --name value or --name=value";
    }
    if (e.getCause() instanceof CommandLine.TypeConversionException conversion
        && e.getArgSpec() != null) {
      return flag(e.getArgSpec()) + " " + e.getValue() + " " + conversion.getMessage();
    }
    return e.getMessage();
  }

  private static String flag(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }
}
