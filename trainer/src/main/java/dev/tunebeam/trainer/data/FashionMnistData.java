package dev.tunebeam.trainer.data;

import java.util.Map;

/**
 * The splits as used, where they came from and the SHA-256 of each file as stored, so a run's
 * metrics.json says exactly which bytes it trained on. {@code validation} and {@code
 * validationSplit} are null when no images were held out.
 */
public record FashionMnistData(
    Split train,
    Split validation,
    Split test,
    String location,
    Map<String, String> sha256,
    ValidationSplit validationSplit) {

  public FashionMnistData(Split train, Split test, String location, Map<String, String> sha256) {
    this(train, null, test, location, sha256, null);
  }
}
