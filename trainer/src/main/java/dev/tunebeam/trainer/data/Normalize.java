package dev.tunebeam.trainer.data;

import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;

/**
 * How pixels become inputs: {@code none} (default, the reference) divides by 255 as torchvision's
 * {@code ToTensor} does; {@code standard} also subtracts Fashion-MNIST's mean (0.2860) and divides
 * by its standard deviation (0.3530).
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
    return EnumChoice.parse(Normalize.class, flag, value, "is not supported");
  }

  public float apply(byte pixel) {
    float x = (pixel & 0xff) / 255f;
    return this == STANDARD ? (x - MEAN) / STD : x;
  }
}
