package dev.tunebeam.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class TransformsInYourPipelineTest {
  @TempDir Path out;

  @Test
  void theExampleTrainsAndWritesItsBestLine() throws Exception {
    TransformsInYourPipeline.run(
        Pipeline.create(PipelineOptionsFactory.create()), out.toString(), 512, 256);
    String best = Files.readString(out.resolve("best.txt"));
    assertTrue(
        best.matches(
            "best: [0-9a-f]{12} \\(optimizer=(sgd|adam), .*\\) test accuracy 0\\.\\d{4} at its chosen epoch\\n"),
        best);
  }
}
