package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fuse=auto}: a real probe on this machine, remembered per machine, and the costs it
 * yields.
 */
@Tag("integration")
class FusionMeasurementTest {
  @TempDir Path dir;

  @Test
  void aRememberedMeasurementIsUsedWithoutProbing() throws Exception {
    Path cache = dir.resolve("fusion.properties");
    String key = FusionMeasurement.machineKey(1);
    Files.writeString(cache, key + ".fused3=0.960\n" + key + ".launch_work=30000\n");
    assertEquals(
        Optional.of(new FusionCosts(0.96, 30000)),
        FusionMeasurement.costs(1, "/nonexistent", cache));
  }

  @Test
  void anIncompleteOrOlderEntryIsMeasuredAgain() {
    Properties old = new Properties();
    // The single ratio an earlier version remembered says nothing about start-up or wide workers.
    old.setProperty("m", "0.768");
    assertTrue(FusionMeasurement.parse(old, "m").isEmpty());
    old.setProperty("m.fused3", "0.9");
    old.setProperty("m.launch_work", "-1");
    assertTrue(
        FusionMeasurement.parse(old, "m").isEmpty(),
        "a negative start-up cost is not a measurement");
  }

  @Test
  void theProbesFiguresBecomeCostsInModelImages() {
    // 6,000 model-images/s alone, 5,700 three wide; a worker's start-up 4 s at 5,000 images/s.
    // A second reading, disturbed by load elsewhere, would have made fusion look twice as good: the
    // smaller ratio is kept.
    FusionCosts c =
        FusionMeasurement.fromProbe(
            List.of("FUSION_PROBE 6000.0 5700.0", "FUSION_PROBE 3000.0 5700.0"),
            new WorkerStartMeasurement.Start(4.0, 5000));
    assertEquals(0.95, c.fusedSpeed3(), 1e-9);
    assertEquals(4.0 * 5000, c.launchWork(), 1e-6);
  }

  @Test
  void theProbeTrainsOnThisMachineAndIsRemembered() throws Exception {
    Path cache = dir.resolve("sub/fusion.properties");
    Optional<FusionCosts> measured =
        FusionMeasurement.costs(1, "/usr/share/datasets/fashion-mnist", cache);
    assertTrue(measured.isPresent(), "the probe ran");
    FusionCosts c = measured.get();
    assertTrue(c.fusedSpeed3() > 0 && c.fusedSpeed3() < 3, "fused speed " + c.fusedSpeed3());
    // A warm worker keeps its parsed data (ParsedSplits), so what a group costs beyond its epochs
    // there can be nothing at all; never negative, never unmeasured.
    assertTrue(
        c.launchWork() >= 0 && Double.isFinite(c.launchWork()),
        "a warm worker's cost beyond its epochs: " + c.launchWork());
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(cache)) {
      p.load(in);
    }
    assertEquals(
        Optional.of(c),
        FusionMeasurement.parse(p, FusionMeasurement.machineKey(1)),
        "remembered as measured");
  }
}
