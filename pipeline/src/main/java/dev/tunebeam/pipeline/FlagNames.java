package dev.tunebeam.pipeline;

import dev.tunebeam.transforms.settings.InvalidSettingException;
import java.util.Map;

/**
 * The main job's one table from a transform's field to the flag that sets it, so a setting the
 * library refuses ("maxFuse 0 must be at least 1") reaches the user under the flag they typed
 * ("--maxFuse 0 must be at least 1"). A field that no flag sets keeps the library's word.
 */
public final class FlagNames {
  static final Map<String, String> FLAGS =
      Map.ofEntries(
          // TrainLocally
          Map.entry("outputDirectory", "--output"),
          Map.entry("device", "--device"),
          Map.entry("workers", "--localWorkers"),
          Map.entry("threadsPerWorker", "--threadsPerWorker"),
          Map.entry("maxFuse", "--maxFuse"),
          Map.entry("timeout", "--trialTimeoutMinutes"),
          // ExpandSearchSpace, WriteLeaderboard
          Map.entry("maxTrials", "--maxTrials"),
          Map.entry("directory", "--output"),
          // SubmitToVertex
          Map.entry("project", "--vertexProject"),
          Map.entry("region", "--region"),
          Map.entry("bucket", "--bucket"),
          Map.entry("output prefix", "--vertexOutput"),
          Map.entry("maxParallelTrials", "--maxParallelTrials"),
          Map.entry("polling", "--vertexPollMillis"),
          // StudyRun
          Map.entry("maxFailedTrials", "--maxFailedTrials"));

  private FlagNames() {}

  /** The sentence of {@code e} with its field, when a flag sets it, called by that flag. */
  static String message(IllegalArgumentException e) {
    if (e instanceof InvalidSettingException s && FLAGS.containsKey(s.field())) {
      return s.withFieldCalled(FLAGS.get(s.field()));
    }
    return e.getMessage();
  }
}
