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

  /** What a trainer prints (issue 25): flags, environment dumps, cloud keys, tokens. */
  @Test
  void removesWhatTrainersPrint() {
    String[] lines = {
      "login with --password hunter2xyz failed",
      "args: ['--db-password', 'hunter3xyz', '--lr', '0.1']",
      "--hf-token=hf_PLANTEDxyz",
      "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTED",
      "aws_session_token = FQoGZXIvYXdzPLANTED",
      "key id AKIAIOSFODNN7PLANTED in use",
      "{\"type\": \"service_account\", \"private_key_id\": \"abcPLANTED123\", \"private_key\":"
          + " \"-----BEGIN PRIVATE KEY-----\\nMIIEvPLANTED\\n-----END PRIVATE KEY-----\\n\"}",
      "Authorization: Basic dXNlcjpQTEFOVEVE",
      "GITHUB_TOKEN ghp_PLANTEDabcdefghijklmnopqrstuvwxyz0123",
      "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJQTEFOVEVEIn0.c2lnbmF0dXJlUExBTlRFRA",
      "secret=PLANTEDsecret token=PLANTEDtoken"
    };
    for (String line : lines) {
      String clean = Secrets.redact(line);
      assertFalse(clean.contains("PLANTED"), line + " -> " + clean);
      assertFalse(clean.contains("hunter"), line + " -> " + clean);
      assertTrue(clean.contains(Secrets.MASK), clean);
    }
    assertEquals("login with --password [REDACTED] failed", Secrets.redact(lines[0]));
    assertEquals(
        "AWS_SECRET_ACCESS_KEY=[REDACTED]",
        Secrets.redact("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTED"));
  }

  @Test
  void trainerWordsThatAreNotSecretsStay() {
    for (String msg :
        new String[] {
          "--max-tokens 512 --tokenizer bert --num-epochs 3",
          "epoch 2/3 val_accuracy=0.8512 train_loss=0.41",
          "--output gs://b/o needs Google Cloud credentials and none were found",
          // Where a key file is, which the user needs to fix it, is not the key.
          "GOOGLE_APPLICATION_CREDENTIALS=/tmp/junit-1/key.json is not a usable credentials file",
          "--credentials ~/keys/sa.json",
        }) {
      assertEquals(msg, Secrets.redact(msg));
    }
  }

  /** A key printed over several lines: each line alone shows no BEGIN...END pair. */
  @Test
  void aMultiLineKeyIsHiddenLineByLine() {
    SecretLines lines = new SecretLines();
    assertEquals(
        "key: -----BEGIN RSA PRIVATE KEY-----[REDACTED]",
        lines.redact("key: -----BEGIN RSA PRIVATE KEY-----"));
    assertEquals(Secrets.MASK, lines.redact("MIIEpAIBAAKCAQEAPLANTED"));
    assertEquals(Secrets.MASK, lines.redact("-----END RSA PRIVATE KEY-----"));
    assertEquals("epoch 1 done", lines.redact("epoch 1 done"));
  }

  @Test
  void ordinaryMessagesAreUntouched() {
    String msg = "--batch-size 600 is larger than the 512 training samples; use at most 512";
    assertEquals(msg, Secrets.redact(msg));
    assertNull(Secrets.redact(null));
  }
}
