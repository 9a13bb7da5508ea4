package dev.tunebeam.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;
import org.junit.jupiter.api.Test;

/**
 * tunebeam.jar registers Dataflow's and the Google Cloud IOs' options only when the arguments use
 * them, and its build leaves exactly those registrars out.
 */
class CloudOptionRegistrarsTest {
  @Test
  void aLocalStudyUsesNoneOfThem() {
    assertFalse(
        CloudOptionRegistrars.used(
            new String[] {
              "--searchSpace=space.yaml",
              "--output=out",
              "--trainSamples=3000",
              "--runner=DirectRunner",
              "--project=p",
              "--region=europe-west4",
              "--dryRun",
              "--tempLocation=/tmp/t"
            }));
  }

  @Test
  void dataflowsRunnerUsesThem() {
    assertTrue(CloudOptionRegistrars.used(new String[] {"--runner=DataflowRunner"}));
    assertTrue(
        CloudOptionRegistrars.used(
            new String[] {"--runner=org.apache.beam.runners.dataflow.DataflowRunner"}));
  }

  @Test
  void aFlagOnlyTheyDefineUsesThem() {
    assertTrue(CloudOptionRegistrars.used(new String[] {"--output=out", "--numWorkers=3"}));
    assertTrue(CloudOptionRegistrars.used(new String[] {"--bigQueryProject=p"}));
  }

  @Test
  void dataflowFlagsParseOnceRegistered() {
    SearchOptions options =
        SearchOptionsParser.parse(
            new String[] {
              "--runner=DataflowRunner",
              "--project=p",
              "--region=europe-west4",
              "--numWorkers=3",
              "--tempLocation=gs://bucket/tmp",
              "--output=gs://bucket/out"
            });
    assertEquals(
        3,
        options
            .as(org.apache.beam.runners.dataflow.options.DataflowPipelineOptions.class)
            .getNumWorkers());
  }

  /**
   * The registrars the build leaves out are the ones registered on demand: one left out and not
   * registered would make its flags unknown in the jar, though every test (on the full classpath)
   * still passed.
   */
  @Test
  void theBuildLeavesOutExactlyTheRegistrarsRegisteredOnDemand() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher filter =
        Pattern.compile(
                "<artifact>[^:<]+:([^<]+)</artifact>\\s*<excludes>\\s*<exclude>"
                    + "META-INF/services/org\\.apache\\.beam\\.sdk\\.options\\.PipelineOptionsRegistrar")
            .matcher(pom);
    Set<String> excluded = new TreeSet<>();
    while (filter.find()) {
      excluded.add(filter.group(1));
    }
    Set<String> onDemand = new TreeSet<>();
    for (PipelineOptionsRegistrar r : CloudOptionRegistrars.LEFT_OUT) {
      String jar =
          Path.of(r.getClass().getProtectionDomain().getCodeSource().getLocation().toURI())
              .getFileName()
              .toString();
      onDemand.add(jar.replaceFirst("-[0-9][^-]*\\.jar$", ""));
    }
    assertEquals(onDemand, excluded);
  }
}
