package dev.tunebeam.trainer.data;

import java.util.Map;

/**
 * Both splits as read, where they came from and the SHA-256 of each file as stored, so a run's
 * metrics.json says exactly which bytes it trained on.
 */
public record FashionMnistData(Split train, Split test, String location, Map<String, String> sha256) {}
