package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The main job reports a setting the library refuses under the flag the user typed, through the one
 * field-to-flag table, and every flag in that table is an option the job has.
 */
@Tag("integration")
class FlagNamesTest {
  @TempDir Path tmp;

  @Test
  void everyFlagInTheTableIsAnOptionOfTheMainJob() throws Exception {
    Set<String> options =
        Arrays.stream(Introspector.getBeanInfo(SearchOptions.class).getPropertyDescriptors())
            .map(PropertyDescriptor::getName)
            .collect(Collectors.toSet());
    for (Class<?> parent : SearchOptions.class.getInterfaces()) {
      Arrays.stream(Introspector.getBeanInfo(parent).getPropertyDescriptors())
          .map(PropertyDescriptor::getName)
          .forEach(options::add);
    }
    for (var e : FlagNames.FLAGS.entrySet()) {
      assertTrue(
          options.contains(e.getValue().substring(2)),
          e.getKey() + " maps to " + e.getValue() + ", which is not an option");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--maxFuse=0                  | --maxFuse 0 must be at least 1 (1 turns fusion off)",
        "--localWorkers=-1            | --localWorkers -1 must be 0 (one per core) or positive",
        "--threadsPerWorker=-1        | --threadsPerWorker -1 must be 0 (cores / workers) or positive",
        "--trialTimeoutMinutes=-5     | --trialTimeoutMinutes PT-5M must not be negative",
        "--device=tpu                 | --device tpu is not supported; allowed: auto, cpu, gpu",
        "--maxTrials=0                | --maxTrials 0 must be at least 1",
        "--backend=vertex --vertexProject=my-project-1 --bucket=b-1 --region=us_central1 | --region us_central1 is not a Google Cloud region",
        "--backend=vertex --vertexProject=My_Project --bucket=b-1 | --vertexProject My_Project is not a Google Cloud project id",
        "--backend=vertex --vertexProject=my-project-1 --vertexOutput=/tmp/v | --vertexOutput /tmp/v is not a gs:// path",
      })
  void aRefusedSettingNamesTheFlagExitsTwoAndWritesNothing(String args, String expected)
      throws Exception {
    Path out = tmp.resolve("out");
    List<String> all = new ArrayList<>(List.of(args.trim().split("\\s+")));
    all.add("--output=" + out);
    all.add("--vertexEndpoint=http://127.0.0.1:1");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SearchPipeline.run(
            all.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, text);
    assertTrue(text.startsWith("error: " + expected), text);
    assertEquals(1, text.lines().count(), text);
    assertFalse(Files.exists(out), "nothing written");
  }
}
