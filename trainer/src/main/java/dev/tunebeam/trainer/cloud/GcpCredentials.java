package dev.tunebeam.trainer.cloud;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.Map;

/**
 * Finds Application Default Credentials and fetches a token with them, turning each way that can
 * fail into one sentence with its fix. Client libraries would otherwise proceed with "null"
 * credentials and retry for minutes, or quote a decoder's exception without naming the file.
 */
public final class GcpCredentials {
  static final String LOGIN =
      "run `gcloud auth application-default login` (or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file)";

  private GcpCredentials() {}

  /**
   * Credentials with a fresh token; IllegalArgumentException saying what {@code needs} them and how
   * to fix it.
   */
  public static GoogleCredentials find(String needs, Map<String, String> env) {
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault();
    } catch (IOException | RuntimeException e) {
      String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
      if (file != null && !file.isBlank()) {
        throw new IllegalArgumentException(
            needs
                + " needs Google Cloud credentials, and GOOGLE_APPLICATION_CREDENTIALS="
                + file
                + " is not a usable credentials file ("
                + firstLine(e)
                + "); point it at a service-account key JSON, or unset it and "
                + "run `gcloud auth application-default login`");
      }
      throw new IllegalArgumentException(
          needs + " needs Google Cloud credentials and none were found; " + LOGIN);
    }
    try {
      credentials.createScoped("https://www.googleapis.com/auth/cloud-platform").refreshIfExpired();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          needs
              + " needs Google Cloud credentials, and the ones found could not get a token ("
              + firstLine(e)
              + "); check the network, or "
              + LOGIN.replace("run", "run again"));
    }
    return credentials;
  }

  static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m =
        root == e
            ? String.valueOf(e.getMessage())
            : e.getMessage()
                + "; caused by "
                + root.getClass().getSimpleName()
                + ": "
                + root.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
