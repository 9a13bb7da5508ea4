package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HypertuneReporterTest {
  @TempDir Path dir;

  @Test
  void writesCloudmlHypertuneFormat() throws Exception {
    Path file = dir.resolve("sub/output.metrics");
    HypertuneReporter r =
        HypertuneReporter.fromEnvironment(
            Map.of("CLOUD_ML_TRIAL_ID", "7", "CLOUD_ML_HP_METRIC_FILE", file.toString()));
    r.report("test_accuracy", 0.8125, 1);
    r.report("test_accuracy", 0.85, 2);
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    JsonNode last = new ObjectMapper().readTree(lines.get(1));
    assertTrue(last.get("timestamp").isNumber());
    assertEquals("7", last.get("trial").textValue());
    assertEquals("0.85", last.get("test_accuracy").textValue());
    assertEquals("2", last.get("global_step").textValue());
    assertEquals(4, last.size());
  }

  @Test
  void keepsTheLastHundredEntries() throws Exception {
    Path file = dir.resolve("m");
    HypertuneReporter r = new HypertuneReporter(file, "1");
    for (int i = 1; i <= 130; i++) {
      r.report("acc", i / 1000.0, i);
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(100, lines.size());
    assertEquals("31", new ObjectMapper().readTree(lines.get(0)).get("global_step").textValue());
    assertEquals("130", new ObjectMapper().readTree(lines.get(99)).get("global_step").textValue());
  }

  @Test
  void defaultPathWhenOnlyTheTrialIsSetAndNothingOutsideVertex() {
    assertEquals(
        Path.of(HypertuneReporter.DEFAULT_FILE),
        HypertuneReporter.fromEnvironment(Map.of("CLOUD_ML_TRIAL_ID", "3")).file());
    assertNull(HypertuneReporter.fromEnvironment(Map.of()));
  }
}
