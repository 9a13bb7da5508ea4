package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fuse=auto}: a real probe on this machine, remembered per machine, and the decision it drives. */
class FusionMeasurementTest {
  @TempDir Path dir;

  @Test
  void aRememberedMeasurementDecidesWithoutProbing() throws Exception {
    Path cache = dir.resolve("fusion.properties");
    Files.writeString(cache, FusionMeasurement.machineKey(1) + "=0.960\n" + FusionMeasurement.machineKey(2) + "=1.400\n");
    assertEquals(1, FusionMeasurement.maxFuse(9, 1, null, cache), "fused measured slower: fusion off");
    assertEquals(9, FusionMeasurement.maxFuse(9, 2, null, cache), "fused measured faster: fusion on");
    assertEquals(1, FusionMeasurement.maxFuse(1, 2, null, cache), "--maxFuse=1 stays off");
  }

  @Test
  void fusionNeedsTheMarginToBeKept() {
    assertTrue(FusionMeasurement.decide(1.05));
    assertTrue(!FusionMeasurement.decide(1.0));
    assertTrue(!FusionMeasurement.decide(0), "a failed probe keeps fusion off");
  }

  @Test
  void theProbeTrainsOnThisMachineAndIsRemembered() throws Exception {
    Path cache = dir.resolve("sub/fusion.properties");
    int decided = FusionMeasurement.maxFuse(3, 1, "/usr/share/datasets/fashion-mnist", cache);
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(cache)) {
      p.load(in);
    }
    double ratio = Double.parseDouble(p.getProperty(FusionMeasurement.machineKey(1)));
    assertTrue(ratio > 0, "the probe ran: " + ratio);
    assertEquals(FusionMeasurement.decide(ratio) ? 3 : 1, decided);
  }
}
