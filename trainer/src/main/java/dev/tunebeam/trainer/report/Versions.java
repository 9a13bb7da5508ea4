package dev.tunebeam.trainer.report;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The library versions a metrics.json records, so a result can be reproduced. */
public final class Versions {
  private Versions() {}

  public static String tunebeam() {
    try (InputStream in = Versions.class.getResourceAsStream("/tunebeam-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static Map<String, String> all(Engine engine) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("tunebeam", tunebeam());
    v.put("djl", Engine.getDjlVersion());
    v.put("engine", engine.getEngineName() + " " + engine.getVersion());
    v.put("java", System.getProperty("java.version"));
    return v;
  }
}
