package dev.tunebeam.transforms.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunNameTest {
  @Test
  void valuesInTheSpacesOrderThenTheIdsFirstEightDigits() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("activation", "relu");
    p.put("optimizer", "adam");
    p.put("batch_size", "64");
    Trial t = Trial.of("s", p);
    assertEquals("relu-adam-64-" + t.id().substring(0, 8), RunName.of(t));
  }

  @Test
  void hostileOrLongValuesBecomeASafeFolderName() {
    Trial t = Trial.of("s", Map.of("a", "../x y/<z>", "b", "q".repeat(200)));
    String name = RunName.of(t);
    assertTrue(name.matches("[A-Za-z0-9._-]+"), name);
    assertTrue(!name.contains("/") && name.length() <= RunName.MAX_VALUES_CHARS + 9, name);
  }
}
