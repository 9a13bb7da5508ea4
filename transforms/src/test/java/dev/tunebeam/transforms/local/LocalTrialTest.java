package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.space.Trial;
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
    assertEquals("/out/study/tensorboard/" + trial.id(), args.get(flag + 1));

    MemberRun member = LocalTrial.member(trial, settings);
    assertEquals(TrialArtifacts.tensorboardDirectory("/out/study", trial.id()), member.tensorboardDir());
    assertEquals(TrialArtifacts.trialDirectory("/out/study", trial.id()), member.modelDir());
  }
}
