package dev.tunebeam.trainer.data;

import com.google.cloud.storage.Storage;
import dev.tunebeam.trainer.report.GcsPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the Fashion-MNIST files. Search order: the {@code --data-dir} flag, {@code
 * $FASHION_MNIST_DIR}, Debian's {@code dataset-fashion-mnist} folder, then the user cache; when
 * none has them, the canonical files are downloaded into the cache and verified.
 */
public final class DataLocator {
  public static final String ENV_DIR = "FASHION_MNIST_DIR";
  public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  private final Map<String, String> env;
  private final Path debianDir;
  private final Path cacheDir;
  private final Downloader downloader;
  private final Supplier<Storage> storage;

  public DataLocator(
      Map<String, String> env,
      Path debianDir,
      Path cacheDir,
      Downloader downloader,
      Supplier<Storage> storage) {
    this.env = env;
    this.debianDir = debianDir;
    this.cacheDir = cacheDir;
    this.downloader = downloader;
    this.storage = storage;
  }

  /**
   * The locator a user's machine gets: real environment, Debian folder, ~/.cache, canonical mirror.
   */
  public static DataLocator standard(Supplier<Storage> storage) {
    Map<String, String> env = System.getenv();
    return new DataLocator(
        env, DEBIAN_DIR, defaultCacheDir(env), Downloader.fromEnvironment(env), storage);
  }

  static Path defaultCacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tunebeam").resolve("fashion-mnist");
  }

  /**
   * The source to read. An explicit directory (flag or environment) must hold the files; only the
   * implicit places fall through to a download.
   */
  public DataSource locate(String dataDir) throws IOException {
    if (dataDir != null && !dataDir.isBlank()) {
      return explicit("--data-dir", dataDir);
    }
    String fromEnv = env.get(ENV_DIR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return explicit("$" + ENV_DIR, fromEnv);
    }
    List<String> searched = new ArrayList<>();
    for (Path dir : List.of(debianDir, cacheDir)) {
      LocalDataSource local = new LocalDataSource(dir);
      if (local.complete()) {
        return local;
      }
      searched.add(dir.toString());
    }
    try {
      downloader.downloadInto(cacheDir);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Fashion-MNIST was not found in "
              + String.join(" or ", searched)
              + " and could not be downloaded from "
              + downloader.baseUrl()
              + " ("
              + e.getMessage()
              + "); "
              + "install the Debian package dataset-fashion-mnist, or pass --data-dir with the four IDX .gz files");
    }
    return new LocalDataSource(cacheDir);
  }

  private DataSource explicit(String origin, String dir) {
    if (GcsPath.isGcs(dir)) {
      return new GcsDataSource(GcsPath.parse(dir), storage.get());
    }
    LocalDataSource local = new LocalDataSource(Path.of(dir));
    if (!Files.isDirectory(local.dir())) {
      throw new IllegalArgumentException(
          origin
              + " "
              + dir
              + " is not a readable directory; it must hold the four Fashion-MNIST IDX .gz files");
    }
    if (!local.complete()) {
      List<String> missing = new ArrayList<>();
      for (FashionMnistFile f : FashionMnistFile.values()) {
        if (!Files.isReadable(local.dir().resolve(f.fileName()))) {
          missing.add(f.fileName());
        }
      }
      throw new IllegalArgumentException(
          origin
              + " "
              + dir
              + " lacks "
              + String.join(", ", missing)
              + "; it must hold the four Fashion-MNIST IDX .gz files");
    }
    return local;
  }
}
