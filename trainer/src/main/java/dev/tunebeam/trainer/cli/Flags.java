package dev.tunebeam.trainer.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line flags in the two spellings Vertex AI and Python's argparse accept: {@code --name
 * value} and {@code --name=value}. Unknown names, missing values and values of the wrong type
 * are usage errors that name the flag.
 */
public final class Flags {
  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  /** {@code known} lists the accepted names without dashes; {@code switches} take no value. */
  public static Flags parse(List<String> args, Set<String> known, Set<String> switches) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument " + arg + "; flags look like --name value or --name=value");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (switches.contains(name)) {
          value = "true";
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          value = args.get(++i);
        } else {
          throw new UsageException("--" + name + " needs a value");
        }
      }
      name = name.replace('_', '-');
      if (!known.contains(name) && !switches.contains(name)) {
        Set<String> all = new TreeSet<>(known);
        all.addAll(switches);
        throw new UsageException("unknown flag --" + name + "; known flags: --" + String.join(", --", all));
      }
      if (values.containsKey(name)) {
        throw new UsageException("--" + name + " is given twice (" + values.get(name) + " and " + value + "); give it once");
      }
      values.put(name, value);
    }
    return new Flags(values);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String string(String name, String fallback) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  public int integer(String name, int fallback) {
    String v = values.get(name);
    return v == null ? fallback : Math.toIntExact(whole(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  public long longValue(String name, long fallback) {
    String v = values.get(name);
    return v == null ? fallback : whole(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * A whole number, also written as a decimal ({@code 128.0}): Vertex AI hands a tuning job's
   * discrete values to the container as doubles.
   */
  private static long whole(String name, String v, long min, long max) {
    BigDecimal d;
    try {
      d = new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " " + v + " is not an integer");
    }
    if (d.stripTrailingZeros().scale() > 0) {
      throw new UsageException("--" + name + " " + v + " is not an integer");
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new UsageException("--" + name + " " + v + " is out of range; allowed: whole numbers from " + min + " to " + max);
    }
    return d.longValueExact();
  }

  /** Null when absent. */
  public Float decimal(String name) {
    String v = values.get(name);
    if (v == null) {
      return null;
    }
    try {
      return Float.parseFloat(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " " + v + " is not a number");
    }
  }

  public boolean bool(String name) {
    String v = values.get(name);
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new UsageException("--" + name + " " + v + " is not true or false");
    };
  }
}
