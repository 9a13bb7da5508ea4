package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HypertuneFileTest {
  @TempDir Path tmp;

  /**
   * Lines as cloudml-hypertune 0.1.0 writes them: json.dumps(sort_keys=True), values and step as
   * strings.
   */
  @Test
  void readsWhatCloudmlHypertuneWritesOneTagPerLineMergedByStep() {
    String file =
        """
        {"checkpoint_path": "", "global_step": "1", "timestamp": 1700000000.25, "trial": "3", "val_accuracy": "0.81"}
        {"checkpoint_path": "", "global_step": "1", "timestamp": 1700000000.26, "train_loss": "0.52", "trial": "3"}
        {"checkpoint_path": "", "global_step": "2", "timestamp": 1700000009.1, "trial": "3", "val_accuracy": "0.84"}
        """;
    List<StepMetrics> steps = HypertuneFile.parse("f", file);
    assertEquals(2, steps.size());
    assertEquals(
        new StepMetrics(1, Map.of("val_accuracy", 0.81, "train_loss", 0.52), 1700000000.26),
        steps.get(0));
    assertEquals(new StepMetrics(2, Map.of("val_accuracy", 0.84), 1700000009.1), steps.get(1));
  }

  /**
   * cloudml-hypertune writes {@code str(value)}: Python spells a diverged loss {@code nan} and an
   * overflow {@code inf}, which Java's parser does not read; JSON's own NaN token is read too.
   */
  @Test
  void readsPythonsSpellingsOfNanAndInfinity() {
    String file =
        """
        {"global_step": "1", "timestamp": 1.0, "trial": "3", "val_accuracy": "0.81"}
        {"global_step": "1", "timestamp": 1.0, "trial": "3", "train_loss": "nan"}
        {"global_step": "2", "timestamp": 2.0, "trial": "3", "train_loss": "inf"}
        {"global_step": "2", "timestamp": 2.0, "trial": "3", "val_loss": "-Infinity"}
        {"global_step": "2", "timestamp": 2.0, "trial": "3", "val_accuracy": NaN}
        """;
    List<StepMetrics> steps = HypertuneFile.parse("f", file);
    assertTrue(Double.isNaN(steps.get(0).metrics().get("train_loss")));
    assertEquals(0.81, steps.get(0).metrics().get("val_accuracy"));
    assertEquals(Double.POSITIVE_INFINITY, steps.get(1).metrics().get("train_loss"));
    assertEquals(Double.NEGATIVE_INFINITY, steps.get(1).metrics().get("val_loss"));
    assertTrue(Double.isNaN(steps.get(1).metrics().get("val_accuracy")));
  }

  @Test
  void readsBackWhatTheTrainersOwnReporterWrites() throws Exception {
    HypertuneReporter r = new HypertuneReporter(tmp.resolve("m"), "7");
    r.report("val_accuracy", 0.5, 1);
    r.report("val_accuracy", Double.NaN, 2);
    List<StepMetrics> steps = HypertuneFile.parse("m", Files.readString(tmp.resolve("m")));
    assertEquals(0.5, steps.get(0).metrics().get("val_accuracy"));
    assertTrue(
        Double.isNaN(steps.get(1).metrics().get("val_accuracy")),
        "a diverged value is kept as NaN");
  }

  @Test
  void aMalformedLineIsRefusedWithItsNumberAndWhy() {
    IllegalArgumentException notJson =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HypertuneFile.parse(
                    "out.metrics", "{\"accuracy\": \"0.5\", \"global_step\": \"1\"}\nloss=0.3\n"));
    assertEquals(
        "line 2 of the metric file out.metrics is not a hypertune report (not JSON): loss=0.3",
        notJson.getMessage());
    IllegalArgumentException text =
        assertThrows(
            IllegalArgumentException.class,
            () -> HypertuneFile.parse("f", "{\"accuracy\": \"high\", \"global_step\": \"1\"}"));
    assertTrue(
        text.getMessage().contains("(accuracy is \"high\", not a number)"), text.getMessage());
    IllegalArgumentException noTag =
        assertThrows(
            IllegalArgumentException.class,
            () -> HypertuneFile.parse("f", "{\"trial\": \"1\", \"global_step\": \"1\"}"));
    assertTrue(
        noTag.getMessage().contains("no metric tag besides timestamp, trial and global_step"),
        noTag.getMessage());
  }

  @Test
  void aFileBeingRewrittenIsReadUpToItsFirstIncompleteLine() {
    List<StepMetrics> steps =
        HypertuneFile.parseGrowing("{\"a\": \"1\", \"global_step\": \"1\"}\n{\"a\": \"0.");
    assertEquals(List.of(new StepMetrics(1, Map.of("a", 1.0))), steps);
  }
}
