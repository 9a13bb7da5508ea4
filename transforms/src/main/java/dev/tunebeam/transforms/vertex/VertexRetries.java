package dev.tunebeam.transforms.vertex;

import com.google.api.gax.rpc.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries quota and availability errors of Vertex AI calls with backoff, a bounded number of times.
 */
final class VertexRetries {
  // One log name for everything a Vertex runner does, so a user filters one logger.
  private static final Logger LOG = LoggerFactory.getLogger(VertexJobRunner.class);

  @FunctionalInterface
  interface Call<T> {
    T call();
  }

  private final VertexSettings settings;

  VertexRetries(VertexSettings settings) {
    this.settings = settings;
  }

  /**
   * The call's value; a refusal that retrying cannot cure, or the last attempt's, as a
   * VertexCallException that says what to fix.
   */
  <T> T call(String action, Call<T> call) throws VertexCallException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (ApiException e) {
        if (!VertexErrors.retryable(e) || attempt >= settings.retryAttempts()) {
          throw new VertexCallException(VertexErrors.explain(action, e, settings, attempt), e);
        }
        LOG.info(
            "{}: {} (attempt {} of {}); retrying",
            action,
            e.getStatusCode().getCode(),
            attempt,
            settings.retryAttempts());
        try {
          settings.retryBackoff().sleep(attempt - 1);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new VertexCallException(action + " was interrupted", ie);
        }
      }
    }
  }
}
