package dev.tunebeam.trainer.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli's help page with a flag's value shown as it is typed: {@code --batch-size N}, and for an
 * enum its keys ({@code --pooling avg|max}), taken from the constants like every "allowed:" list.
 */
final class FlagHelp extends CommandLine.Help {
  /**
   * The width of the flag column: enough for most flags with their values, so descriptions line up.
   */
  static final int LABEL_COLUMN = 36;

  FlagHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  @Override
  public IParamLabelRenderer parameterLabelRenderer() {
    return new IParamLabelRenderer() {
      @Override
      public Ansi.Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
        if (arg.arity().min() == 0) {
          return ansi.new Text("");
        }
        return ansi.new Text(" " + label(arg));
      }

      @Override
      public String separator() {
        return " ";
      }
    };
  }

  private static String label(ArgSpec arg) {
    if (arg.type().isEnum()) {
      return Arrays.stream(arg.type().getEnumConstants())
          .map(c -> EnumChoice.key((Enum<?>) c))
          .collect(Collectors.joining("|"));
    }
    return arg.paramLabel();
  }
}
