package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {
  static List<String> lines(String text) throws Exception {
    List<String> out = new ArrayList<>();
    BoundedLines.forEach(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    return out;
  }

  @Test
  void endsLinesAsReadLineDoes() throws Exception {
    assertEquals(List.of("a", "b", "", "c", "d", "é"), lines("a\nb\r\n\rc\rd\né"));
    assertEquals(List.of(), lines(""));
    assertEquals(List.of("x"), lines("x\n"));
  }

  @Test
  void keepsTheStartOfALongLineAndSaysHowMuchWasDropped() throws Exception {
    String longLine = "a".repeat(BoundedLines.MAX_LINE_CHARS + 1234);
    List<String> out = lines(longLine + "\nnext\n");
    assertEquals(2, out.size());
    assertTrue(
        out.get(0).startsWith("a".repeat(BoundedLines.MAX_LINE_CHARS) + " [tunebeam: 1,234"));
    assertTrue(out.get(0).length() < BoundedLines.MAX_LINE_CHARS + 200);
    assertEquals("next", out.get(1));
  }
}
