package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --dryRun plans without training, submitting or writing anything. */
@Tag("integration")
class DryRunTest {
  @TempDir Path tmp;

  private String run(int expectedCode, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(expectedCode, code, out.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plansBackendsTimeAndCostAndWritesNothing() throws Exception {
    Path costs = tmp.resolve("costs.properties");
    Files.writeString(
        costs,
        "price.machine.n1-standard-4=1.0\nprice.accelerator.NVIDIA_TESLA_T4=2.0\nthroughput.vertex.gpu=1000\n"
            + "overhead.vertex.seconds=0\nthroughput.local=20000\n");
    Path out = tmp.resolve("never-written");
    String printed =
        run(
            0,
            "--dryRun",
            "--output=" + out,
            "--backend=rule",
            "--backendRule=batch_size>=128 -> vertex; else -> local",
            "--vertexProject=my-project",
            "--region=us-central1",
            "--bucket=my-bucket",
            "--containerUri=us-docker.pkg.dev/p/r/trainer:1",
            "--acceleratorType=NVIDIA_TESLA_T4",
            "--acceleratorCount=1",
            "--maxParallelTrials=3",
            "--costModel=" + costs);
    assertTrue(printed.contains("Dry run of study lenet5-fashion: 27 trials"), printed);
    assertEquals(
        9, printed.lines().filter(l -> l.matches("[0-9a-f]{12}  vertex .*")).count(), printed);
    assertEquals(
        18, printed.lines().filter(l -> l.matches("[0-9a-f]{12}  local .*")).count(), printed);
    // 9 Vertex trials x 600,000 images / 1,000 per s = 600 s of a $3/h machine each: $0.50 each,
    // $4.50 in all; 3 at a time: 30 min.
    assertTrue(
        printed.contains(
            "Vertex: 9 trials on n1-standard-4 + 1x NVIDIA_TESLA_T4 at $3.0000/h, 3 at a time: about 30 min and $4.50."),
        printed);
    // 18 local trials x 600,000 images / 20,000 per s = 540 s: 9 min.
    assertTrue(
        printed.contains(
            "Local:  18 trials, 10.8M model-images at 20000 model-images/s: about 9 min"),
        printed);
    assertFalse(Files.exists(out), "a dry run writes nothing");
  }

  @Test
  void badCostModelIsAUsageError() {
    String printed = run(2, "--dryRun", "--costModel=/no/such.properties");
    assertTrue(printed.contains("--costModel /no/such.properties does not exist"), printed);
  }
}
