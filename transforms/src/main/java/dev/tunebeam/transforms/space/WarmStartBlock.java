package dev.tunebeam.transforms.space;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search space's {@code warm_start:} block as the file gives it: earlier studies' {@code
 * results.json} files ({@code from}, any Beam file system), known points trained first ({@code
 * points}, each a value for every searched parameter), and whether a grid or random study copies
 * the rows of points an earlier study answered instead of training them ({@code reuse}). Read by
 * {@link WarmStartReader}; checked against the space and loaded by {@code
 * dev.tunebeam.transforms.warm.WarmStart}.
 */
public record WarmStartBlock(List<String> from, List<Map<String, String>> points, boolean reuse)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No warm start: what a space without the block has. */
  public static final WarmStartBlock NONE = new WarmStartBlock(List.of(), List.of(), false);

  public WarmStartBlock {
    from = List.copyOf(from);
    points =
        points.stream()
            .<Map<String, String>>map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p)))
            .toList();
    for (String f : from) {
      if (f == null || f.isBlank()) {
        throw new IllegalArgumentException(
            "warm_start.from has an empty entry; list results.json files of earlier studies");
      }
    }
    if (reuse && from.isEmpty()) {
      throw new IllegalArgumentException(
          "warm_start.reuse is true but warm_start.from lists no earlier study; add their"
              + " results.json files or drop reuse");
    }
  }

  public boolean isEmpty() {
    return from.isEmpty() && points.isEmpty();
  }
}
