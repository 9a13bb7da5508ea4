package dev.tunebeam.trainer;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The GPU line of the trainer's header: name (from nvidia-smi, when present) and memory. */
final class GpuInfo {
  private GpuInfo() {}

  static String describe(Device device) {
    StringBuilder line = new StringBuilder("GPU: ").append(name(device.getDeviceId()));
    try {
      MemoryUsage memory = CudaUtils.getGpuMemory(device);
      line.append(
          String.format(
              ", %.1f GiB total, %.1f GiB used",
              memory.getMax() / 1073741824.0, memory.getUsed() / 1073741824.0));
    } catch (RuntimeException e) {
      line.append(", memory unknown (").append(e.getMessage()).append(')');
    }
    return line.toString();
  }

  private static String name(int id) {
    try {
      Process p =
          new ProcessBuilder(
                  "nvidia-smi",
                  "--query-gpu=name",
                  "--format=csv,noheader",
                  "-i",
                  String.valueOf(id))
              .redirectErrorStream(true)
              .start();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      p.destroyForcibly();
    } catch (IOException e) {
      // nvidia-smi absent: the name is cosmetic.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "gpu" + id;
  }
}
