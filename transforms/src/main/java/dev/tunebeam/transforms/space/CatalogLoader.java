package dev.tunebeam.transforms.space;

import java.util.ServiceLoader;

/**
 * Finds the {@link AlgorithmCatalog} once per class loader; the registry is immutable, so nothing
 * per run is kept here.
 */
final class CatalogLoader {
  static final AlgorithmCatalog CATALOG = load();

  private CatalogLoader() {}

  private static AlgorithmCatalog load() {
    return ServiceLoader.load(AlgorithmCatalog.class, AlgorithmCatalog.class.getClassLoader())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no search algorithms on the class path: META-INF/services/"
                        + AlgorithmCatalog.class.getName()
                        + " is missing (a shaded jar must merge service files)"));
  }
}
