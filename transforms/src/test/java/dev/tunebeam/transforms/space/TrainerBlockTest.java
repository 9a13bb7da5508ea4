package dev.tunebeam.transforms.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class TrainerBlockTest {
  private static byte[] yaml(String s) {
    return SpaceFiles.bytes(s);
  }

  @Test
  void aTrainerBlockNamesTheCommandAndLetsEveryParameterThroughUnchecked() {
    byte[] file =
        yaml(
            """
        study: own
        trainer:
          command: [python3, -m, my_pkg.task]
          workers: 2
          env: {PYTHONPATH: src, SEED_OFFSET: 3}
        parameters:
          dropout: {type: discrete, values: [0.1, 0.5]}
          batch_size: {type: categorical, values: [small, large]}
        """);
    TrainerBlock block = SearchSpaceLoader.trainer("s.yaml", file).orElseThrow();
    assertEquals(
        new TrainerBlock(
            List.of("python3", "-m", "my_pkg.task"),
            2,
            Map.of("PYTHONPATH", "src", "SEED_OFFSET", "3")),
        block);
    SearchSpace space = SearchSpaceLoader.parse("s.yaml", file);
    List<Trial> trials = space.trials(10);
    assertEquals(
        4,
        trials.size(),
        "dropout is unknown to the built-in trainer and batch_size=small invalid for it: both pass");
    assertEquals(
        List.of("--dropout", "0.1", "--batch_size", "small"),
        TrainerParameters.args(trials.get(0), space.passThrough(), true));
  }

  @Test
  void withoutATrainerTheBuiltInChecksStillApply() {
    byte[] file = yaml("study: s\nparameters:\n  dropout: {type: discrete, values: [0.1]}\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SearchSpaceLoader.parse("s.yaml", file))
            .getMessage()
            .contains("parameter dropout is unknown"));
    assertEquals(
        1,
        SearchSpaceLoader.parse("s.yaml", file, true).trials(10).size(),
        "a trainer command given by flag");
  }

  @Test
  void aBadTrainerBlockIsOneSentenceNamingTheField() {
    String params = "parameters:\n  a: {type: discrete, values: [1]}\n";
    assertEquals(
        "s.yaml: trainer.command python3 task.py is a string; give a list of arguments, e.g. [python3, -m, my_pkg.task] (no shell runs it)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SearchSpaceLoader.parse(
                        "s.yaml", yaml("study: s\ntrainer: {command: python3 task.py}\n" + params)))
            .getMessage());
    assertEquals(
        "s.yaml: trainer has unknown key cwd; allowed: command, env, workers",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SearchSpaceLoader.parse(
                        "s.yaml", yaml("study: s\ntrainer: {command: [a], cwd: /x}\n" + params)))
            .getMessage());
    assertEquals(
        "s.yaml: trainer.workers -1 is negative; use 0 (one per core) or a positive count",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SearchSpaceLoader.parse(
                        "s.yaml",
                        yaml("study: s\ntrainer: {command: [a], workers: -1}\n" + params)))
            .getMessage());
    assertEquals(
        "s.yaml: trainer.command is empty; give the program and its arguments as a list, e.g. [python3, -m, my_pkg.task]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SearchSpaceLoader.parse(
                        "s.yaml", yaml("study: s\ntrainer: {command: []}\n" + params)))
            .getMessage());
  }
}
