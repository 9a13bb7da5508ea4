package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads and writes {@code metrics.json}. A diverged model's NaN loss is kept, as the string "NaN".
 */
public final class MetricsJson {
  public static final String FILE_NAME = "metrics.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private MetricsJson() {}

  public static byte[] write(MetricsReport report) {
    try {
      return MAPPER.writeValueAsBytes(report);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise metrics", e);
    }
  }

  public static MetricsReport read(String location, byte[] json) {
    try {
      return MAPPER.readValue(json, MetricsReport.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          location + " is not a valid metrics.json: " + e.getMessage(), e);
    }
  }
}
