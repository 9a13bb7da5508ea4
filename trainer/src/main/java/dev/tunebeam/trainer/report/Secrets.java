package dev.tunebeam.trainer.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a log, a results table or a report: OAuth access
 * tokens, bearer and basic headers, API keys, AWS access key ids, GitHub and Slack tokens, JSON web
 * tokens, PEM private keys, flags that name a secret ({@code --password VALUE}) and {@code
 * name=value} or {@code "name": "value"} pairs whose name ends in a secret's word ({@code
 * AWS_SECRET_ACCESS_KEY=}, {@code token=}). Error messages from client libraries and whatever a
 * trainer prints can carry these verbatim. A PEM key printed over several lines is {@link
 * SecretLines}' to hide: this class sees one text at a time.
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
              Pattern.compile("(?i)(authorization:\\s*basic\\s+)[A-Za-z0-9+/]+=*"), "$1" + MASK),
          // AWS access key ids, GitHub and Slack tokens, JSON web tokens: recognisable alone.
          new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), MASK),
          new Rule(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"), MASK),
          new Rule(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9\\-]{10,}"), MASK),
          new Rule(
              Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]+"),
              MASK),
          // A command-line flag that names a secret, its value the next word or after '='
          // (--password VALUE, --hf-token=VALUE, and a Python list's '--password', 'VALUE').
          new Rule(
              Pattern.compile(
                  "(?i)((?:^|\\s|[\"'\\[(,])--?[a-z0-9_\\-]*(?:password|passwd|pwd|secret|token|api[_\\-]?key|access[_\\-]?key|secret[_\\-]?key|private[_\\-]?key|credentials?)(?:=|[\"']?(?:,\\s*|\\s+)[\"']?))(?![-/~])[^\\s\"',;&\\])]+"),
              "$1" + MASK),
          // name=value and "name": "value" where the name ends in a secret's word, whatever comes
          // before it: password=, AWS_SECRET_ACCESS_KEY=, aws_session_token: , "client_secret": .
          // A value that is a path (GOOGLE_APPLICATION_CREDENTIALS=/keys/sa.json) is where a secret
          // is, not the secret, and the user needs it to fix a bad key file: it stays, here and
          // after a flag.
          new Rule(
              Pattern.compile(
                  "(?i)([\"']?\\b[a-z0-9_.\\-]*(?:access_token|refresh_token|id_token|session_token|client_secret|private_key|private_key_id|passwd|password|pwd|secret|token|api_key|apikey|access_key|secret_key|credentials?)[\"']?\\s*[:=]\\s*[\"']?)(?![/~])[^\"'\\s,;}&]+"),
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
