package dev.tunebeam.transforms.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterImportanceTest {
  @Test
  void anAdditiveGridSplitsTheVarianceByEachEffectsSquare() {
    // y = a + 2b on a 2x2 grid: effects +-0.5 and +-1, so shares 0.25/1.25 and 1/1.25.
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("a", List.of("0", "0", "1", "1"));
    values.put("b", List.of("x", "y", "x", "y"));
    List<ParameterImportance.Share> shares =
        ParameterImportance.of(values, List.of(0.0, 2.0, 1.0, 3.0));
    assertEquals("b", shares.get(0).parameter());
    assertEquals(0.8, shares.get(0).share(), 1e-12);
    assertEquals(0.2, shares.get(1).share(), 1e-12);
    assertEquals(0.8, shares.get(0).normalized(), 1e-12);
  }

  @Test
  void aParameterThatChangesNothingExplainsNothingAndAnInteractionIsNotAMainEffect() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("a", List.of("0", "0", "1", "1"));
    values.put("b", List.of("0", "1", "0", "1"));
    values.put("noise", List.of("p", "p", "p", "p"));
    // y = a XOR b: all variance is interaction, no parameter alone explains any of it.
    List<ParameterImportance.Share> xor =
        ParameterImportance.of(values, List.of(0.0, 1.0, 1.0, 0.0));
    xor.forEach(s -> assertEquals(0, s.share(), 1e-12, s.parameter()));
    List<ParameterImportance.Share> onlyA =
        ParameterImportance.of(values, List.of(0.1, 0.1, 0.9, 0.9));
    assertEquals("a", onlyA.get(0).parameter());
    assertEquals(1, onlyA.get(0).share(), 1e-12);
    assertEquals(0, onlyA.get(2).share(), 1e-12);
  }

  @Test
  void manyNumericValuesAreBinnedByQuantile() {
    List<String> lr =
        List.of(
            "0.001", "0.002", "0.003", "0.004", "0.005", "0.006", "0.007", "0.008", "0.009",
            "0.01");
    List<String> groups = ParameterImportance.groups(lr);
    assertEquals(ParameterImportance.MAX_GROUPS, groups.stream().distinct().count());
    assertEquals(
        List.of("bin0", "bin0", "bin1", "bin1", "bin2", "bin2", "bin3", "bin3", "bin4", "bin4"),
        groups);
    assertEquals(List.of("relu", "tanh"), ParameterImportance.groups(List.of("relu", "tanh")));
  }
}
