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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apache.beam.sdk.annotations.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --fuse=auto} by measurement: the planner's {@link FusionCosts} on this machine, measured
 * once ({@code FusionProbe} in a child JVM with a worker's compute threads for the speeds, one real
 * worker for the start-up: {@link WorkerStartMeasurement}) and remembered in a small properties
 * file keyed by the machine (host, cores, architecture, threads). With measured costs the planner
 * fuses only where the worker start-ups it saves outweigh the slower fused steps, so {@code auto}
 * is never slower than {@code off} in its model. A probe that fails means no fusion for this run
 * and is not remembered.
 */
@Internal
public final class FusionMeasurement {
  private static final Logger LOG = LoggerFactory.getLogger(FusionMeasurement.class);
  static final String PROBE = "dev.tunebeam.trainer.train.FusionProbe";

  private FusionMeasurement() {}

  /**
   * The default cache: {@code $TUNEBEAM_FUSE_CACHE}, else {@code
   * ~/.cache/tunebeam/fusion.properties}.
   */
  public static Path defaultCache() {
    String env = System.getenv("TUNEBEAM_FUSE_CACHE");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "tunebeam", "fusion.properties");
  }

  /**
   * This machine's costs for workers of {@code threads} compute threads, remembered or measured
   * now; empty when the probe failed. They never widen a group (see {@link FusionCosts}).
   */
  public static Optional<FusionCosts> costs(int threads, String dataDir, Path cache) {
    String key = machineKey(threads);
    Properties known = read(cache);
    Optional<FusionCosts> remembered = parse(known, key);
    if (remembered.isPresent()) {
      return remembered;
    }
    Optional<FusionCosts> probed = probe(threads, dataDir);
    probed.ifPresent(
        c -> {
          known.setProperty(key + ".fused3", format(c.fusedSpeed3()));
          known.setProperty(key + ".launch_work", format(c.launchWork()));
          write(cache, known);
          LOG.info(
              "--fuse=auto: on this machine three fused models train at {}x the speed of one alone and a worker's start-up costs {} model-images "
                  + "(remembered in {})",
              format(c.fusedSpeed3()),
              format(c.launchWork()),
              cache);
        });
    // As remembered, so this run plans exactly as the next one will.
    return probed.isPresent() ? parse(known, key) : probed;
  }

  static Optional<FusionCosts> parse(Properties known, String key) {
    String fused = known.getProperty(key + ".fused3");
    String launch = known.getProperty(key + ".launch_work");
    if (fused == null || launch == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FusionCosts(Double.parseDouble(fused), Double.parseDouble(launch)));
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "--fuse=auto: ignoring the unreadable measurement {} ({}); measuring again",
          key,
          e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Part of the key: what a remembered figure was measured with. Start-ups measured with a fresh
   * worker per group do not hold for warm workers, so those are measured again.
   */
  static final String METHOD = "warm";

  static String machineKey(int threads) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return (METHOD
            + "."
            + host
            + "."
            + Runtime.getRuntime().availableProcessors()
            + "cores."
            + System.getProperty("os.arch")
            + "."
            + threads
            + "threads")
        .replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Runs the probe; empty when it could not run. */
  static Optional<FusionCosts> probe(int threads, String dataDir) {
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Dai.djl.offline=true",
              "-cp",
              System.getProperty("java.class.path"),
              PROBE,
              Integer.toString(threads));
      if (dataDir != null && !dataDir.isBlank()) {
        pb.command().add(dataDir);
      }
      Process p = pb.redirectErrorStream(true).start();
      List<String> results = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("FUSION_PROBE ")) {
            results.add(line);
          }
        }
      }
      if (p.waitFor() != 0 || results.isEmpty()) {
        LOG.warn(
            "--fuse=auto: the fusion probe failed (exit {}); training without fusion",
            p.exitValue());
        return Optional.empty();
      }
      Optional<WorkerStartMeasurement.Start> start =
          WorkerStartMeasurement.measure(threads, dataDir);
      if (start.isEmpty()) {
        LOG.warn(
            "--fuse=auto: a worker could not train to time its start-up; training without fusion");
      }
      return start.map(s -> fromProbe(results, s));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn(
          "--fuse=auto: cannot run the fusion probe ({}); training without fusion", e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * The probe's {@code FUSION_PROBE <alone> <fused>} lines and a worker's timed start-up: the
   * costs, in model-images, with the least favourable fused ratio (noise must not buy fusion).
   */
  static FusionCosts fromProbe(List<String> lines, WorkerStartMeasurement.Start start) {
    double fused = Double.MAX_VALUE;
    for (String line : lines) {
      String[] f = line.split(" ");
      fused = Math.min(fused, Double.parseDouble(f[2]) / Double.parseDouble(f[1]));
    }
    return new FusionCosts(fused, start.seconds() * start.imagesPerSecond());
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
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
        p.store(out, "tunebeam --fuse=auto: the local planner's measured costs, per machine");
      }
      Files.move(
          tmp,
          cache,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn(
          "--fuse=auto: cannot remember the measurement in {} ({}); it will be measured again",
          cache,
          e.getMessage());
    }
  }
}
