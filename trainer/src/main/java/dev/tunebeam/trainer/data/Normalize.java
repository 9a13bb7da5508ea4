package dev.tunebeam.trainer.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How pixels become inputs: {@code none} (default, the reference) divides by 255 as
 * torchvision's {@code ToTensor} does; {@code standard} also subtracts Fashion-MNIST's mean
 * (0.2860) and divides by its standard deviation (0.3530).
 */
public enum Normalize {
  NONE,
  STANDARD;

  public static final float MEAN = 0.2860f;
  public static final float STD = 0.3530f;

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Normalize parse(String flag, String value) {
    for (Normalize n : values()) {
      if (n.flagValue().equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new IllegalArgumentException(flag + " " + value + " is not supported; allowed: "
        + Arrays.stream(values()).map(Normalize::flagValue).collect(Collectors.joining(", ")));
  }

  public float apply(byte pixel) {
    float x = (pixel & 0xff) / 255f;
    return this == STANDARD ? (x - MEAN) / STD : x;
  }
}
