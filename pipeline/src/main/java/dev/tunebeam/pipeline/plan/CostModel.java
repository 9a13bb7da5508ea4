package dev.tunebeam.pipeline.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Prices and speeds the dry run estimates with: Vertex AI machine and accelerator prices per hour,
 * local and Vertex throughput, and a Vertex job's fixed overhead. The built-in table ({@code
 * cost-model.properties}) documents where each figure comes from; {@code --costModel=FILE}
 * overrides any of its keys.
 */
public final class CostModel {
  private final Properties values;

  private CostModel(Properties values) {
    this.values = values;
  }

  public static CostModel load(String overrides) {
    Properties p = new Properties();
    try (InputStream in = CostModel.class.getResourceAsStream("cost-model.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("the built-in cost model cannot be read", e);
    }
    if (overrides != null && !overrides.isBlank()) {
      try (Reader r = Files.newBufferedReader(Path.of(overrides))) {
        p.load(r);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(
            "--costModel "
                + overrides
                + " does not exist; give a .properties file with the keys of the built-in table");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--costModel " + overrides + " cannot be read: " + e.getMessage());
      }
    }
    return new CostModel(p);
  }

  double localThroughput() {
    return number("throughput.local");
  }

  double vertexThroughput(boolean gpu) {
    return number(gpu ? "throughput.vertex.gpu" : "throughput.vertex.cpu");
  }

  double vertexOverheadSeconds() {
    return number("overhead.vertex.seconds");
  }

  /** USD per hour of one replica: the machine plus its accelerators. */
  double vertexHourlyPrice(String machineType, String acceleratorType, int acceleratorCount) {
    double price = number("price.machine." + machineType);
    if (acceleratorType != null && !acceleratorType.isBlank() && acceleratorCount > 0) {
      price += acceleratorCount * number("price.accelerator." + acceleratorType);
    }
    return price;
  }

  private double number(String key) {
    String v = values.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "the cost model has no " + key + "; add it to a --costModel file");
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the cost model's " + key + " is " + v + "; it must be a non-negative number");
    }
  }
}
