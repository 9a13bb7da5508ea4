package dev.tunebeam.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.tunebeam.trainer.cli.EnumChoice;
import java.util.Locale;

/** {@code --device}: the GPU when DJL sees one ({@code auto}), or an explicit choice. */
public enum DeviceChoice {
  AUTO,
  CPU,
  GPU;

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeviceChoice parse(String flag, String value) {
    return EnumChoice.parse(DeviceChoice.class, flag, value, "is not supported");
  }

  /** Resolves against the engine; {@code gpu} without a visible GPU is a usage error. */
  public Device resolve(Engine engine) {
    int gpus = engine.getGpuCount();
    return switch (this) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new IllegalArgumentException(
              "--device gpu: DJL sees no GPU (CUDA available: false); use --device cpu or auto");
        }
        yield Device.gpu(0);
      }
    };
  }

  /** {@code cpu} or {@code gpu:0}, as tables show it (DJL's own form is {@code cpu()}). */
  public static String name(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : device.getDeviceType();
  }
}
