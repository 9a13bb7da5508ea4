package dev.tunebeam.pipeline;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.runners.dataflow.DataflowPipelineRegistrar;
import org.apache.beam.sdk.io.gcp.common.GcpIoPipelineOptionsRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * The options of Beam's Dataflow runner and of its Google Cloud IOs, registered only when a
 * command's arguments use them. tunebeam.jar leaves these two registrars out (pipeline/pom.xml):
 * when Beam's options factory first loads, it checks every registered interface against all the
 * others, and these two (6 of the 21 interfaces, about 650 of their 1,100 methods) took that from
 * 2.0 to 3.4 CPU-seconds, on the path to every local study's first trial. They are registered here
 * before Beam parses the arguments when the runner is Dataflow's or a flag is one that no other
 * registered interface defines, so such flags parse and are checked as before. Where the registrars
 * are on the classpath (the tests, a pipeline of a library user's own) this registers what Beam has
 * already registered.
 */
final class CloudOptionRegistrars {
  /** The registrars that pipeline/pom.xml leaves out of tunebeam.jar's service list. */
  static final List<PipelineOptionsRegistrar> LEFT_OUT =
      List.of(new DataflowPipelineRegistrar.Options(), new GcpIoPipelineOptionsRegistrar());

  private CloudOptionRegistrars() {}

  /** Registers {@link #LEFT_OUT}'s interfaces when {@code args} use them. */
  static void registerIfUsed(String[] args) {
    if (!used(args)) {
      return;
    }
    for (PipelineOptionsRegistrar registrar : LEFT_OUT) {
      for (Class<? extends PipelineOptions> iface : registrar.getPipelineOptions()) {
        PipelineOptionsFactory.register(iface);
      }
    }
  }

  /**
   * Whether {@code args} name Dataflow's runner or a flag that only {@link #LEFT_OUT}'s interfaces
   * define (so Beam would refuse it as unknown without them).
   */
  static boolean used(String[] args) {
    Set<String> known = null;
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        continue;
      }
      String flag = arg.substring(2);
      int equals = flag.indexOf('=');
      String name = equals < 0 ? flag : flag.substring(0, equals);
      if (name.equals("runner")
          && equals >= 0
          && flag.substring(equals + 1).toLowerCase(Locale.ROOT).contains("dataflow")) {
        return true;
      }
      if (known == null) {
        known = knownWithoutThem();
      }
      if (!known.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Property names of the registered interfaces and SearchOptions, {@link #LEFT_OUT}'s aside. */
  private static Set<String> knownWithoutThem() {
    Set<Class<?>> theirs = new HashSet<>();
    for (PipelineOptionsRegistrar registrar : LEFT_OUT) {
      registrar.getPipelineOptions().forEach(theirs::add);
    }
    Set<String> names = new HashSet<>();
    for (Class<?> iface : PipelineOptionsFactory.getRegisteredOptions()) {
      if (!theirs.contains(iface)) {
        addProperties(iface, names);
      }
    }
    addProperties(SearchOptions.class, names);
    return names;
  }

  private static void addProperties(Class<?> iface, Set<String> names) {
    for (Method m : iface.getMethods()) {
      String n = m.getName();
      if (m.getParameterCount() != 0) {
        continue;
      }
      if (n.startsWith("get") && n.length() > 3) {
        names.add(Introspector.decapitalize(n.substring(3)));
      } else if (n.startsWith("is") && n.length() > 2) {
        names.add(Introspector.decapitalize(n.substring(2)));
      }
    }
  }
}
