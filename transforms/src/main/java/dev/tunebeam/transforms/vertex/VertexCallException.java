package dev.tunebeam.transforms.vertex;

/**
 * A Vertex AI call that failed for good; the message says what to fix and becomes the trial's
 * error.
 */
final class VertexCallException extends Exception {
  private static final long serialVersionUID = 1L;

  VertexCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
