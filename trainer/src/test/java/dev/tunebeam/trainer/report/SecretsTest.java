package dev.tunebeam.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void removesTokensKeysAndSecretPairs() {
    String raw =
        "401 for Authorization: Bearer abc.DEF-123_x= with ya29.a0AfH6SMBx-token_Z and key AIzaSyA1234567890abcdefghijklmnopqrstuv "
            + "{\"access_token\": \"s3cr3t\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n\"} password=hunter2";
    String clean = Secrets.redact(raw);
    for (String secret :
        new String[] {
          "abc.DEF-123_x", "ya29.a0AfH6SMBx", "AIzaSyA1234567890", "s3cr3t", "MIIE", "hunter2"
        }) {
      assertFalse(clean.contains(secret), secret + " leaked: " + clean);
    }
    assertTrue(clean.startsWith("401 for Authorization: Bearer [REDACTED] with [REDACTED]"), clean);
  }

  @Test
  void ordinaryMessagesAreUntouched() {
    String msg = "--batch-size 600 is larger than the 512 training samples; use at most 512";
    assertEquals(msg, Secrets.redact(msg));
    assertNull(Secrets.redact(null));
  }
}
