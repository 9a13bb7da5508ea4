package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A full disk is one sentence, however deeply it is wrapped (issue 25). The failure is a real
 * ENOSPC: Linux's {@code /dev/full} refuses every write with it.
 */
class DiskFullTest {
  @Test
  void aRealNoSpaceFailureWrappedTwiceIsOneSentence() {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
    IOException enospc = assertThrows(IOException.class, () -> Files.write(full, new byte[64]));
    RuntimeException wrapped =
        new RuntimeException("user code", new UncheckedIOException("write failed", enospc));
    String sentence = DiskFull.sentence(wrapped).orElseThrow();
    assertTrue(sentence.startsWith("the disk is full (No space left on device"), sentence);
    assertTrue(sentence.contains("choose an --output on another disk"), sentence);
    assertEquals(1, sentence.lines().count());
  }

  @Test
  void otherFailuresAreNotADiskFull() {
    assertEquals(Optional.empty(), DiskFull.sentence(new IOException("Permission denied", null)));
  }
}
