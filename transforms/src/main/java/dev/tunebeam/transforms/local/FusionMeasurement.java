package dev.tunebeam.transforms.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --fuse=auto} by measurement: whether fused groups train more model-images per second
 * than single models on this machine, measured once ({@code FusionProbe} in a child JVM, with a
 * worker's compute threads) and remembered in a small properties file keyed by the machine
 * (host, cores, architecture, threads). Fusion is kept only when it measured at least {@link
 * #MARGIN} faster, so {@code auto} is never slower than {@code off} by more than the probe's noise.
 * A probe that fails keeps fusion off for this run and is not remembered.
 */
public final class FusionMeasurement {
  private static final Logger LOG = LoggerFactory.getLogger(FusionMeasurement.class);
  static final double MARGIN = 1.05;
  static final String PROBE = "dev.tunebeam.trainer.bench.FusionProbe";

  private FusionMeasurement() {}

  /** The default cache: {@code $TUNEBEAM_FUSE_CACHE}, else {@code ~/.cache/tunebeam/fusion.properties}. */
  public static Path defaultCache() {
    String env = System.getenv("TUNEBEAM_FUSE_CACHE");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "tunebeam", "fusion.properties");
  }

  /** {@code requested} when fusion pays here, else 1. */
  public static int maxFuse(int requested, int threads, String dataDir, Path cache) {
    if (requested <= 1) {
      return requested;
    }
    String key = machineKey(threads);
    Properties known = read(cache);
    String ratio = known.getProperty(key);
    if (ratio == null) {
      double measured = probe(threads, dataDir);
      ratio = String.format(Locale.ROOT, "%.3f", measured);
      if (measured > 0) {
        // A failed probe is not remembered: the next run measures again.
        known.setProperty(key, ratio);
        write(cache, known);
      }
      LOG.info("--fuse=auto: fused groups train {}x the model-images/s of single models on this machine; fusion {} (remembered in {})", ratio,
          decide(measured) ? "on" : "off", cache);
    }
    return decide(Double.parseDouble(ratio)) ? requested : 1;
  }

  static boolean decide(double ratio) {
    return ratio >= MARGIN;
  }

  static String machineKey(int threads) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return (host + "." + Runtime.getRuntime().availableProcessors() + "cores." + System.getProperty("os.arch") + "." + threads + "threads")
        .replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** fused / alone model-images per second; 0 when the probe could not run. */
  static double probe(int threads, String dataDir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
          "-cp", System.getProperty("java.class.path"), PROBE, Integer.toString(threads));
      if (dataDir != null && !dataDir.isBlank()) {
        pb.command().add(dataDir);
      }
      Process p = pb.redirectErrorStream(true).start();
      String result = null;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("FUSION_PROBE ")) {
            result = line;
          }
        }
      }
      if (p.waitFor() != 0 || result == null) {
        LOG.warn("--fuse=auto: the fusion probe failed (exit {}); training without fusion", p.exitValue());
        return 0;
      }
      String[] f = result.split(" ");
      return Double.parseDouble(f[2]) / Double.parseDouble(f[1]);
    } catch (IOException e) {
      LOG.warn("--fuse=auto: cannot run the fusion probe ({}); training without fusion", e.getMessage());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static Properties read(Path cache) {
    Properties p = new Properties();
    if (Files.isRegularFile(cache)) {
      try (InputStream in = Files.newInputStream(cache)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn("--fuse=auto: ignoring unreadable {} ({})", cache, e.getMessage());
      }
    }
    return p;
  }

  private static void write(Path cache, Properties p) {
    try {
      Files.createDirectories(cache.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(cache.toAbsolutePath().getParent(), "fusion", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "tunebeam --fuse=auto: fused/alone model-images per second, per machine");
      }
      Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("--fuse=auto: cannot remember the measurement in {} ({}); it will be measured again", cache, e.getMessage());
    }
  }
}
