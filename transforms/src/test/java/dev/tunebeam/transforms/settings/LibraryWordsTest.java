package dev.tunebeam.transforms.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tunebeam.transforms.dispatch.RunTrials;
import dev.tunebeam.transforms.local.TrainLocally;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.space.ExpandSearchSpace;
import dev.tunebeam.transforms.space.SearchSpace;
import dev.tunebeam.transforms.vertex.CloudNames;
import dev.tunebeam.transforms.vertex.SubmitToVertex;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transform refuses a bad setting where it is set, in the library's words: the field as its
 * builder calls it, the bad value and what is allowed, never a CLI's flag.
 */
@Tag("integration")
class LibraryWordsTest {
  private static final SubmitToVertex VERTEX = SubmitToVertex.to("my-project", "us-central1");

  static Stream<Arguments> refusals() {
    TrainLocally local = TrainLocally.to("/tmp/out");
    return Stream.of(
        Arguments.of(
            "maxFuse",
            (Executable) () -> local.withMaxFuse(0),
            "maxFuse 0 must be at least 1 (1 turns fusion off)"),
        Arguments.of(
            "workers",
            (Executable) () -> local.withWorkers(-1),
            "workers -1 must be 0 (one per core) or positive"),
        Arguments.of(
            "threadsPerWorker",
            (Executable) () -> local.withThreadsPerWorker(-2),
            "threadsPerWorker -2 must be 0 (cores / workers) or positive"),
        Arguments.of(
            "shares",
            (Executable) () -> local.withShares(-1),
            "shares -1 must be 0 (one share per group) or positive"),
        Arguments.of(
            "timeout",
            (Executable) () -> local.withTimeout(Duration.ofMinutes(-5)),
            "timeout PT-5M must not be negative (zero: no limit)"),
        Arguments.of(
            "device",
            (Executable) () -> local.withDevice("tpu"),
            "device tpu is not supported; allowed: auto, cpu, gpu"),
        Arguments.of(
            "workerHeap",
            (Executable) () -> local.withWorkerHeap(" "),
            "workerHeap is empty; give a JVM heap size such as 2g"),
        Arguments.of(
            "maxTrials",
            (Executable) () -> ExpandSearchSpace.of(SearchSpace.referenceStudy()).withMaxTrials(0),
            "maxTrials 0 must be at least 1"),
        Arguments.of(
            "directory",
            (Executable) () -> WriteLeaderboard.to(""),
            "directory is empty; give a local folder or gs://bucket/path"),
        Arguments.of(
            "maxParallelTrials",
            (Executable) () -> VERTEX.withMaxParallelTrials(0),
            "maxParallelTrials 0 must be at least 1"),
        Arguments.of(
            "retry attempts",
            (Executable) () -> VERTEX.withRetries(0, Duration.ofSeconds(1), Duration.ofSeconds(2)),
            "retry attempts 0 must be at least 1"),
        Arguments.of(
            "polling",
            (Executable) () -> VERTEX.withPolling(Duration.ZERO, Duration.ZERO),
            "polling PT0S .. PT0S is not allowed"),
        Arguments.of(
            "region",
            (Executable) () -> SubmitToVertex.to("my-project", "us_central1"),
            "region us_central1 is not a Google Cloud region"),
        Arguments.of(
            "project",
            (Executable) () -> SubmitToVertex.to("My_Project", "us-central1"),
            "project My_Project is not a Google Cloud project id"),
        Arguments.of(
            "output prefix",
            (Executable) () -> VERTEX.withOutputPrefix("/tmp/x"),
            "output prefix /tmp/x is not a gs:// path"),
        Arguments.of(
            "bucket",
            (Executable) () -> CloudNames.bucket("bucket", "gs://b-1/x"),
            "bucket gs://b-1/x must be a bucket name without gs:// or a path, e.g. b-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aRefusalNamesTheFieldTheValueAndWhatIsAllowed(
      String field, Executable call, String expected) {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, call);
    assertEquals(field, e.field());
    assertEquals(expected, e.getMessage().substring(0, expected.length()), e.getMessage());
    assertFalse(
        e.getMessage().contains("--"), "no CLI flag in the library's sentence: " + e.getMessage());
    assertEquals("--x" + e.getMessage().substring(field.length()), e.withFieldCalled("--x"));
  }

  @Test
  void aCheckedCopyLeavesTheOriginalAsItWas() {
    TrainLocally base = TrainLocally.to("/tmp/out");
    TrainLocally wider = base.withMaxFuse(4).withDevice("CPU");
    assertEquals(9, base.settings().maxFuse());
    assertEquals(4, wider.settings().maxFuse());
    assertEquals("cpu", wider.settings().device().flagValue());
    assertEquals(
        wider.settings(),
        base.withMaxFuse(4).withDevice("cpu").settings(),
        "settings are values: equal fields, equal settings");
  }

  @Test
  void runTrialsNeedsARule() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunTrials.by(null));
    assertEquals("rule is missing", e.getMessage().substring(0, "rule is missing".length()));
  }
}
