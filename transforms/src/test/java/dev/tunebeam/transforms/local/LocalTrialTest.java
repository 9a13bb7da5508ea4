package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalTrialTest {
  @Test
  void eachTrialWritesItsTensorBoardRunUnderTheStudysTensorboardFolder() {
    Trial trial = Trial.of("study", Map.of("optimizer", "sgd", "learning_rate", "0.1"));
    LocalSettings settings = LocalSettings.defaults("/out/study");

    List<String> args = LocalTrial.args(trial, settings);
    int flag = args.indexOf("--tensorboard-dir");
    assertEquals(
        "/out/study/tensorboard/" + dev.tunebeam.transforms.study.RunName.of(trial),
        args.get(flag + 1));
    assertTrue(
        args.get(flag + 1).endsWith("-" + trial.id().substring(0, 8)),
        "a readable name that still tells trials apart");

    MemberRun member = LocalTrial.member(trial, settings);
    assertEquals(TrialArtifacts.tensorboardDirectory("/out/study", trial), member.tensorboardDir());
    assertEquals(TrialArtifacts.trialDirectory("/out/study", trial.id()), member.modelDir());
  }
}
