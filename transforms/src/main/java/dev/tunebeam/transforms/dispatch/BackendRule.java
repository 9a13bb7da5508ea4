package dev.tunebeam.transforms.dispatch;

import dev.tunebeam.transforms.study.Trial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which backend runs a trial: all local, all Vertex, or clauses on the trial's parameters,
 * separated by ';' and tried in order; the first that matches wins, and a trial no clause matches
 * goes to the {@code else} backend (local unless given):
 *
 * <pre>
 * batch_size&gt;=128 -&gt; vertex
 * optimizer==rmsprop -&gt; vertex; num_epochs&gt;20 -&gt; vertex; else -&gt; local
 * </pre>
 *
 * Comparisons are {@code == != >= <= > <} ({@code =} means {@code ==}). Two numbers compare as
 * numbers; otherwise only {@code ==} and {@code !=} match, on the text. A trial without the
 * parameter matches no clause about it.
 */
public record BackendRule(String text, List<Clause> clauses, Backend otherwise)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String EXAMPLE = "batch_size>=128 -> vertex; else -> local";
  private static final Pattern CONDITION =
      Pattern.compile("([a-z][a-z0-9_]*)\\s*(==|!=|>=|<=|=|>|<)\\s*([^\\s=!<>]\\S*)");

  public BackendRule {
    clauses = List.copyOf(clauses);
  }

  /** One comparison and where a matching trial goes. */
  public record Clause(String parameter, String op, String value, Backend backend)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    boolean matches(Trial trial) {
      String actual = trial.get(parameter);
      if (actual == null) {
        return false;
      }
      Double a = number(actual);
      Double b = number(value);
      if (a != null && b != null) {
        int c = Double.compare(a, b);
        return switch (op) {
          case "==" -> c == 0;
          case "!=" -> c != 0;
          case ">=" -> c >= 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c < 0;
        };
      }
      return switch (op) {
        case "==" -> actual.equals(value);
        case "!=" -> !actual.equals(value);
        default -> false;
      };
    }

    static Double number(String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  public static BackendRule all(Backend backend) {
    return new BackendRule(backend.key(), List.of(), backend);
  }

  /** {@code local}, {@code vertex}, or clauses as the class comment describes. */
  public static BackendRule parse(String text) {
    return parse(text, new Backend[0]);
  }

  /** As {@link #parse(String)}, where rules may also send trials to {@code more} backends. */
  public static BackendRule parse(String text, Backend... more) {
    List<Backend> allowed = new ArrayList<>(List.of(Backend.LOCAL, Backend.VERTEX));
    for (Backend b : more) {
      if (!allowed.contains(b)) {
        allowed.add(b);
      }
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "backend rule is empty; allowed: local, vertex, or clauses such as '" + EXAMPLE + "'");
    }
    String t = text.trim();
    if (!t.contains("->")) {
      try {
        return all(Backend.parse("backend", t, allowed));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "backend rule '"
                + text
                + "' is neither a backend ("
                + Backend.allowed(allowed)
                + ") nor clauses like '"
                + EXAMPLE
                + "'");
      }
    }
    List<Clause> clauses = new ArrayList<>();
    Backend otherwise = Backend.LOCAL;
    boolean sawElse = false;
    for (String part : t.split(";")) {
      String clause = part.trim();
      if (clause.isEmpty()) {
        continue;
      }
      int arrow = clause.indexOf("->");
      if (arrow < 0 || clause.indexOf("->", arrow + 2) >= 0) {
        throw bad(text, clause, "needs exactly one '->' between a condition and a backend");
      }
      if (sawElse) {
        throw bad(text, clause, "comes after 'else'; put 'else -> BACKEND' last");
      }
      String condition = clause.substring(0, arrow).trim();
      Backend backend;
      try {
        backend = Backend.parse("backend", clause.substring(arrow + 2), allowed);
      } catch (IllegalArgumentException e) {
        throw bad(
            text,
            clause,
            "sends trials to '"
                + clause.substring(arrow + 2).trim()
                + "'; allowed backends: "
                + Backend.allowed(allowed));
      }
      if (condition.equals("else") || condition.equals("*")) {
        otherwise = backend;
        sawElse = true;
        continue;
      }
      Matcher m = CONDITION.matcher(condition);
      if (!m.matches()) {
        throw bad(
            text,
            clause,
            "has condition '"
                + condition
                + "'; write PARAMETER OP VALUE with OP one of == != >= <= > < (e.g. batch_size>=128)");
      }
      String op = m.group(2).equals("=") ? "==" : m.group(2);
      if (!op.equals("==") && !op.equals("!=") && Clause.number(m.group(3).trim()) == null) {
        // A text never orders against a number: the clause would silently match nothing.
        throw bad(
            text,
            clause,
            "compares with "
                + op
                + " against '"
                + m.group(3).trim()
                + "', which is not a number; "
                + "ordering comparisons need a number (e.g. batch_size>=128), == and != also take text");
      }
      clauses.add(new Clause(m.group(1), op, m.group(3), backend));
    }
    if (clauses.isEmpty() && !sawElse) {
      throw new IllegalArgumentException(
          "backend rule '"
              + text
              + "' has no clauses; allowed: local, vertex, or clauses such as '"
              + EXAMPLE
              + "'");
    }
    return new BackendRule(t, clauses, otherwise);
  }

  private static IllegalArgumentException bad(String text, String clause, String problem) {
    return new IllegalArgumentException(
        "backend rule '" + text + "': clause '" + clause + "' " + problem);
  }

  public Backend route(Trial trial) {
    for (Clause c : clauses) {
      if (c.matches(trial)) {
        return c.backend();
      }
    }
    return otherwise;
  }

  /** The backends this rule can send a trial to, in the order they were named. */
  public Set<Backend> targets() {
    Set<Backend> targets = new LinkedHashSet<>();
    Backend.values().forEach(b -> targets.add(b));
    Set<Backend> used = new LinkedHashSet<>();
    used.add(otherwise);
    clauses.forEach(c -> used.add(c.backend()));
    targets.retainAll(used);
    return targets;
  }

  /** The parameters the clauses read, so a caller can check them against a search space. */
  public Set<String> parameters() {
    Set<String> names = new LinkedHashSet<>();
    clauses.forEach(c -> names.add(c.parameter()));
    return names;
  }

  @Override
  public String toString() {
    return text;
  }
}
