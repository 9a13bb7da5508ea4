package dev.tunebeam.transforms.study;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * One point of a search space: its parameters (canonical text, in the space's order) and a stable
 * id. The id hashes the study name and the sorted parameters, so the same point always has the same
 * id: reruns resume, duplicates collapse, and a Vertex job can be found again. Ids are 12 lowercase
 * hex digits, valid as a path segment and a Vertex label value.
 */
@DefaultCoder(SerializableCoder.class)
public record Trial(String id, String study, Map<String, String> parameters)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Trial {
    // Ids become folder names, Vertex labels and display names: no dots, slashes or capitals.
    if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException(
          "trial id " + id + " is not allowed; use 1-63 lowercase letters, digits, '_' and '-'");
    }
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static Trial of(String study, Map<String, String> parameters) {
    return new Trial(idOf(study, parameters), study, parameters);
  }

  public static String idOf(String study, Map<String, String> parameters) {
    StringBuilder canonical = new StringBuilder(study).append('\n');
    new TreeMap<>(parameters)
        .forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String get(String parameter) {
    return parameters.get(parameter);
  }

  /** {@code activation=relu, optimizer=adam, ...}: for logs and messages. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    parameters.forEach(
        (k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }
}
