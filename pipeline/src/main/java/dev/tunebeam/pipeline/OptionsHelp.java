package dev.tunebeam.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code --help=INTERFACE}: Beam's list of an options interface, without what only the code needs.
 * Options marked {@code @Hidden} are left out, and a default that Beam prints as the name of the
 * class computing it ({@code Default: DefaultGcpRegionFactory}) is given in words.
 */
final class OptionsHelp {
  /** Beam's and our default factories, as a user reads them. */
  static final Map<String, String> FACTORY_DEFAULTS =
      Map.of(
          "DefaultGcpRegionFactory",
              "gcloud's compute/region, else empty (then us-central1 for Vertex AI)",
          "JobNameFactory", "a name from the main class, the user and the time",
          "UserAgentFactory", "Apache Beam's SDK name and version",
          "DefaultProjectFactory", "gcloud's core/project",
          "GcpUserCredentialsFactory", "Application Default Credentials",
          "GcpTempLocationFactory", "--tempLocation",
          "StagingLocationFactory", "a folder under --gcpTempLocation");

  private static final Pattern OPTION = Pattern.compile("^  --([A-Za-z0-9]+)=");
  private static final Pattern FACTORY_DEFAULT =
      Pattern.compile("^(\\s+Default: )([A-Z][A-Za-z0-9]*(Factory|Storage))\\s*$");

  private OptionsHelp() {}

  /**
   * Throws IllegalArgumentException when {@code className} is not an options interface on the
   * classpath.
   */
  static void print(String className, PrintStream out) {
    Class<? extends PipelineOptions> iface = optionsInterface(className);
    ByteArrayOutputStream beam = new ByteArrayOutputStream();
    PipelineOptionsFactory.printHelp(new PrintStream(beam, true, StandardCharsets.UTF_8), iface);
    boolean skipping = false;
    for (String line : beam.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      Matcher option = OPTION.matcher(line);
      if (option.find()) {
        skipping = hidden(iface, option.group(1));
      } else if (!line.startsWith("    ")) {
        skipping = false;
      }
      if (skipping) {
        continue;
      }
      Matcher factory = FACTORY_DEFAULT.matcher(line);
      if (factory.matches()) {
        String words = FACTORY_DEFAULTS.get(factory.group(2));
        if (words == null) {
          continue;
        }
        line = factory.group(1) + words;
      }
      out.println(line);
    }
  }

  static boolean hidden(Class<?> iface, String option) {
    String name = Character.toUpperCase(option.charAt(0)) + option.substring(1);
    for (Method m : iface.getMethods()) {
      if ((m.getName().equals("get" + name) || m.getName().equals("is" + name))
          && m.getParameterCount() == 0) {
        return m.isAnnotationPresent(Hidden.class)
            || m.getDeclaringClass().isAnnotationPresent(Hidden.class);
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  static Class<? extends PipelineOptions> optionsInterface(String className) {
    // Beam accepts a simple name for the interfaces it knows; so do we, for the ones a user meets.
    for (String prefix :
        new String[] {
          "",
          "dev.tunebeam.pipeline.",
          "org.apache.beam.runners.dataflow.options.",
          "org.apache.beam.sdk.options."
        }) {
      try {
        Class<?> c = Class.forName(prefix + className, false, OptionsHelp.class.getClassLoader());
        if (c.isInterface() && PipelineOptions.class.isAssignableFrom(c)) {
          return (Class<? extends PipelineOptions>) c;
        }
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    throw new IllegalArgumentException(
        "--help="
            + className
            + " is not a PipelineOptions interface on the classpath; use --help="
            + SearchOptions.class.getName()
            + " or --help for the overview");
  }
}
