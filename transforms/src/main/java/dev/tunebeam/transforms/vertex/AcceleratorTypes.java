package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.annotations.Internal;

/**
 * Accelerator names as Vertex AI spells them ({@code NVIDIA_TESLA_T4}); {@code nvidia-tesla-t4} is
 * accepted too.
 */
@Internal
public final class AcceleratorTypes {
  private AcceleratorTypes() {}

  /** Every type a worker pool can ask for. */
  public static List<String> allowed() {
    return Arrays.stream(AcceleratorType.values())
        .filter(
            t ->
                t != AcceleratorType.UNRECOGNIZED
                    && t != AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED)
        .map(Enum::name)
        .toList();
  }

  /** The canonical name, or "" for none; {@code field} names the flag or setting in the message. */
  public static String parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (!allowed().contains(name)) {
      throw new IllegalArgumentException(
          field
              + " "
              + value
              + " is not a Vertex AI accelerator type; allowed: "
              + String.join(", ", allowed()));
    }
    return name;
  }
}
