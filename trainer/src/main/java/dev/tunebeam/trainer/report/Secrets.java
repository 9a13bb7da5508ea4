package dev.tunebeam.trainer.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a log, a results table or a report: OAuth access
 * tokens, bearer headers, API keys, PEM private keys and {@code key: value} pairs whose key names a
 * secret. Error messages from client libraries can carry these verbatim.
 */
public final class Secrets {
  public static final String MASK = "[REDACTED]";

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----",
                  Pattern.DOTALL),
              MASK),
          new Rule(Pattern.compile("ya29\\.[0-9A-Za-z_\\-.]+"), MASK),
          new Rule(Pattern.compile("AIza[0-9A-Za-z_\\-]{35}"), MASK),
          // user:password@ in a URI (an endpoint, a proxy): the user stays, the password goes.
          new Rule(
              Pattern.compile("(?i)(\\b[a-z][a-z0-9+.\\-]*://[^/\\s:@]*:)[^/\\s@]+@"),
              "$1" + MASK + "@"),
          // Signed-URL and API-key query parameters.
          new Rule(
              Pattern.compile(
                  "(?i)([?&](?:x-goog-signature|x-goog-credential|x-amz-signature|signature|sig|key|api_key|apikey|auth|code)=)[^&\\s\"']+"),
              "$1" + MASK),
          new Rule(Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._\\-~+/]+=*"), "$1" + MASK),
          new Rule(
              Pattern.compile(
                  "(?i)(\"?(?:access_token|refresh_token|id_token|client_secret|private_key|private_key_id|passwd|password|pwd|secret|token|api_key|apikey)\"?\\s*[:=]\\s*\"?)[^\"\\s,;}&]+"),
              "$1" + MASK));

  private Secrets() {}

  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Rule r : RULES) {
      out = r.pattern.matcher(out).replaceAll(r.replacement);
    }
    return out;
  }
}
