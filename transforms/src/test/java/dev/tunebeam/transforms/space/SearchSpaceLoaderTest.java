package dev.tunebeam.transforms.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchSpaceLoaderTest {
  private static SearchSpace parse(String yaml) {
    return SpaceFiles.parse("space.yaml", yaml);
  }

  private static String error(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> parse(yaml).trials(1000))
        .getMessage();
  }

  @Test
  void readsTheIssueExample() {
    SearchSpace s =
        parse(
            """
        study: lenet5-fashion
        algorithm: grid            # or: random (then samples: N, seed: S)
        parameters:
          activation:    {type: categorical, values: [relu, softmax, leakyrelu]}
          optimizer:     {type: categorical, values: [sgd, adam, rmsprop]}
          batch_size:    {type: discrete, values: [32, 64, 128]}
          learning_rate: {type: double, min: 0.0001, max: 0.01, scale: log, steps: 3}
        fixed:
          num_epochs: 10
        """);
    assertEquals("lenet5-fashion", s.study());
    assertEquals(81, s.trials(1000).size());
    assertEquals("10", s.trials(1000).get(0).get("num_epochs"));
  }

  @Test
  void jsonIsAccepted() {
    SearchSpace s =
        parse(
            "{\"study\": \"j\", \"algorithm\": \"random\", \"samples\": 3, \"seed\": 1,"
                + " \"parameters\": {\"learning_rate\": {\"type\": \"double\", \"min\": 0.001, \"max\": 0.1, \"scale\": \"log\"}}}");
    assertEquals("random", s.algorithm().key());
    assertEquals(3, s.trials(10).size());
  }

  @Test
  void referenceStudyFileMatchesTheBuiltInOne() throws Exception {
    byte[] file =
        java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../examples/reference-study.yaml"));
    assertEquals(
        SearchSpace.referenceStudy().trials(100),
        SearchSpaceLoader.parse("reference-study.yaml", file).trials(100));
  }

  @Test
  void yamlSyntaxErrorsGiveTheLine() {
    String e = error("study: s\nparameters:\n  activation: {type: categorical, values: [relu\n");
    assertTrue(e.startsWith("space.yaml: not valid YAML at line "), e);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "duplicate name|parameters:\\n  optimizer: {type: categorical, values: [sgd]}\\n  optimizer: {type: categorical, values: [adam]}|Duplicate field 'optimizer'",
        "searched and fixed|parameters:\\n  optimizer: {type: categorical, values: [sgd]}\\nfixed:\\n  optimizer: adam|parameter optimizer is both searched and fixed",
        "empty values|parameters:\\n  optimizer: {type: categorical, values: []}|parameter optimizer has an empty values list",
        "repeated value|parameters:\\n  batch_size: {type: discrete, values: [32, 32]}|parameter batch_size lists a value twice",
        "min above max|parameters:\\n  learning_rate: {type: double, min: 0.1, max: 0.01, steps: 2}|parameter learning_rate has min 0.1 > max 0.01",
        "log with zero min|parameters:\\n  learning_rate: {type: double, min: 0, max: 0.1, scale: log, steps: 2}|a log scale needs min > 0",
        "unknown type|parameters:\\n  optimizer: {type: choice, values: [sgd]}|parameter optimizer has type choice; allowed: categorical, discrete, integer, double",
        "unknown scale|parameters:\\n  learning_rate: {type: double, min: 0.1, max: 1, scale: exp, steps: 2}|parameter learning_rate has scale exp; allowed: linear, log",
        "grid range without steps|parameters:\\n  learning_rate: {type: double, min: 0.001, max: 0.1}|without steps",
        "unknown parameter|parameters:\\n  dropout: {type: discrete, values: [0.5]}|parameter dropout is unknown; known:",
        "unknown spec key|parameters:\\n  optimizer: {type: categorical, vals: [sgd]}|parameter optimizer has unknown key vals",
        "text in discrete|parameters:\\n  batch_size: {type: discrete, values: [32, big]}|discrete values must be numbers",
        "no parameters|parameters: {}|parameters is missing or empty",
        "unknown algorithm|algorithm: bayes\\nparameters:\\n  optimizer: {type: categorical, values: [sgd]}|algorithm bayes is not supported; allowed: grid, random",
        "random without samples|algorithm: random\\nparameters:\\n  optimizer: {type: categorical, values: [sgd]}|algorithm random needs samples of at least 1",
        "unknown top key|paramters:\\n  optimizer: {type: categorical, values: [sgd]}|unknown top-level key paramters",
        "fractional steps|parameters:\\n  learning_rate: {type: double, min: 0.1, max: 1, steps: 2.5}|steps must be a whole number",
        "bad value for trainer|parameters:\\n  optimizer: {type: categorical, values: [sgd, adagrad]}|parameter optimizer: --optimizer adagrad is not supported; allowed: sgd, adam, rmsprop",
      })
  void everyValidationErrorNamesFileAndProblem(String what, String body, String expected) {
    String e = error("study: s\n" + body.replace("\\n", "\n") + "\n");
    assertTrue(e.startsWith("space.yaml: "), what + ": " + e);
    assertTrue(e.contains(expected), what + ": " + e);
  }

  @Test
  void studyNameIsValidated() {
    String e =
        error("study: My Study\nparameters:\n  optimizer: {type: categorical, values: [sgd]}\n");
    assertTrue(e.contains("study My Study is not allowed"), e);
    assertTrue(
        error("parameters:\n  optimizer: {type: categorical, values: [sgd]}\n")
            .contains("study is missing"));
  }
}
