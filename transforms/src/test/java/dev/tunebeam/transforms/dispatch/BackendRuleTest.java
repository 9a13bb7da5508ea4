package dev.tunebeam.transforms.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.transforms.study.Trial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendRuleTest {
  private static Trial trial(String... kv) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return Trial.of("s", p);
  }

  @Test
  void aBackendNameSendsEverythingThere() {
    assertEquals(Backend.VERTEX, BackendRule.parse("vertex").route(trial("batch_size", "32")));
    assertEquals(Backend.LOCAL, BackendRule.parse(" Local ").route(trial("batch_size", "512")));
    assertEquals(Set.of(Backend.VERTEX), BackendRule.parse("vertex").targets());
  }

  @Test
  void numericComparisonsRouteByValue() {
    BackendRule r = BackendRule.parse("batch_size>=128 -> vertex");
    assertEquals(Backend.VERTEX, r.route(trial("batch_size", "128")));
    assertEquals(Backend.VERTEX, r.route(trial("batch_size", "256")));
    assertEquals(Backend.LOCAL, r.route(trial("batch_size", "64")));
    assertEquals(
        Backend.LOCAL,
        r.route(trial("optimizer", "adam")),
        "a trial without the parameter matches no clause");
    assertEquals(Set.of(Backend.LOCAL, Backend.VERTEX), r.targets());
    assertEquals(Set.of("batch_size"), r.parameters());
  }

  @Test
  void clausesAreTriedInOrderAndElseCatchesTheRest() {
    BackendRule r =
        BackendRule.parse(
            "optimizer==rmsprop -> local; learning_rate<0.001 -> vertex; else -> vertex");
    assertEquals(Backend.LOCAL, r.route(trial("optimizer", "rmsprop", "learning_rate", "0.0001")));
    assertEquals(Backend.VERTEX, r.route(trial("optimizer", "adam", "learning_rate", "0.0001")));
    assertEquals(Backend.VERTEX, r.route(trial("optimizer", "adam", "learning_rate", "0.01")));
    assertEquals(Set.of(Backend.LOCAL, Backend.VERTEX), r.targets());
  }

  @Test
  void textComparesOnlyForEquality() {
    BackendRule r = BackendRule.parse("activation=softmax -> vertex; activation!=relu -> vertex");
    assertEquals(Backend.VERTEX, r.route(trial("activation", "softmax")));
    assertEquals(Backend.VERTEX, r.route(trial("activation", "leakyrelu")));
    assertEquals(Backend.LOCAL, r.route(trial("activation", "relu", "optimizer", "sgd")));
    // An ordering against text would silently match nothing (issue 15: 'batch_size>=big' routed
    // everything local).
    assertMessage(
        "optimizer>adam -> vertex", "compares with > against 'adam', which is not a number");
    assertMessage(
        "batch_size>=big -> vertex", "compares with >= against 'big', which is not a number");
  }

  @Test
  void badRulesSayWhatIsAllowed() {
    assertMessage("", "backend rule is empty; allowed: local, vertex");
    assertMessage("gpu", "backend rule 'gpu' is neither a backend (local, vertex)");
    assertMessage(
        "batch_size=>128 -> vertex",
        "clause 'batch_size=>128 -> vertex' has condition 'batch_size=>128'; write PARAMETER OP VALUE with OP one of == != >= <= > <");
    assertMessage(
        "batch_size>=128 -> cloud", "sends trials to 'cloud'; allowed backends: local, vertex");
    assertMessage(
        "batch_size>=128 vertex", "is neither a backend (local, vertex) nor clauses like");
    assertMessage("batch_size>=128 -> vertex -> local", "needs exactly one '->'");
    assertMessage("else -> vertex; batch_size>1 -> local", "comes after 'else'");
    assertMessage("Batch Size>=1 -> vertex", "has condition 'Batch Size>=1'");
  }

  @Test
  void aBackendOfYourOwnIsAllowedByTheRuleThatNamesIt() {
    Backend pool = Backend.of("gpu-pool");
    BackendRule r = BackendRule.parse("batch_size>=128 -> gpu-pool; else -> local", pool);
    assertEquals(pool, r.route(trial("batch_size", "256")));
    assertEquals(Backend.LOCAL, r.route(trial("batch_size", "64")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BackendRule.parse("batch_size>=128 -> gpu-pool"));
    assertTrue(
        e.getMessage().contains("allowed backends: local, vertex"),
        "a rule that was not given it refuses it, whatever else this JVM named: " + e.getMessage());
  }

  private static void assertMessage(String rule, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BackendRule.parse(rule));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
