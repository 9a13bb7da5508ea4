package dev.tunebeam.transforms.local;

import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.train.MemberRun;
import dev.tunebeam.transforms.space.TrainerParameters;
import dev.tunebeam.transforms.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A trial as the local trainer sees it: its flags, its artifact folder and its fusion key. */
final class LocalTrial {
  private LocalTrial() {}

  /** The trainer flags for one trial: its parameters plus where its outputs go. */
  static List<String> args(Trial trial, LocalSettings settings) {
    List<String> args = new ArrayList<>(TrainerParameters.args(trial, Set.of(), false));
    args.addAll(
        List.of(
            "--trial-id",
            trial.id(),
            "--model-dir",
            TrialArtifacts.trialDirectory(settings.outputDirectory(), trial.id())));
    args.addAll(
        List.of(
            "--checkpoint-dir",
            TrialArtifacts.checkpointDirectory(
                settings.outputDirectory(), settings.checkpointKey().apply(trial))));
    // One run per trial under one folder: `tensorboard --logdir <output>/tensorboard` compares them
    // all.
    args.addAll(
        List.of(
            "--tensorboard-dir",
            TrialArtifacts.tensorboardDirectory(settings.outputDirectory(), trial)));
    if (settings.dataDirectory() != null) {
      args.addAll(List.of("--data-dir", settings.dataDirectory()));
    }
    args.addAll(List.of("--device", settings.device().flagValue()));
    return args;
  }

  /** Parses the trial as the trainer would; IllegalArgumentException names what is wrong. */
  static MemberRun member(Trial trial, LocalSettings settings) {
    return TrainerArgs.member(args(trial, settings));
  }

  /** Relative work of a trial: epochs x training images. */
  static double work(MemberRun member) {
    int samples = member.config().trainSamples() > 0 ? member.config().trainSamples() : 60_000;
    return (double) member.config().epochs() * samples;
  }
}
