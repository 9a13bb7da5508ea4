package dev.tunebeam.pipeline.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tunebeam.trainer.TrainerMain;
import dev.tunebeam.trainer.cli.TrainerArgs;
import dev.tunebeam.trainer.data.DataLocator;
import dev.tunebeam.trainer.model.Activation;
import dev.tunebeam.trainer.optim.OptimizerKind;
import dev.tunebeam.trainer.train.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What can be checked of the images without a Docker engine: every file they copy is in the
 * repository or written by the build, the trainer's entry point is the jar's main class and takes
 * the reference flags, the base images match the pom's Beam and Java versions, the PyTorch version
 * and CUDA flavor fetched are ones DJL's JNI library here was built for, and the Cloud Build files
 * build what the docs push.
 */
@Tag("integration")
class DockerfilesTest {
  private static final Repository REPO = Repository.find();
  private static final List<String> REFERENCE_FLAGS =
      List.of(
          "--activation", "relu", "--optimizer", "adam", "--batch-size", "64", "--num-epochs", "2");
  private static final Pattern JAVA_MAJOR = Pattern.compile("(?:java|temurin:|jdk|jre)[_-]?(\\d+)");

  private static Dockerfile dockerfile(String name) throws IOException {
    return Dockerfile.read(REPO.root.resolve("docker").resolve(name));
  }

  private static Set<String> builtFiles() throws Exception {
    Set<String> built = new java.util.HashSet<>();
    for (String module : List.of("trainer", "pipeline")) {
      REPO.shadedJars(module).forEach(j -> built.add(j.path()));
    }
    return built;
  }

  private static int javaMajor(String image) {
    Matcher m = JAVA_MAJOR.matcher(image);
    assertTrue(m.find(), "no Java version in " + image);
    return Integer.parseInt(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"trainer.Dockerfile", "dataflow-worker.Dockerfile"})
  void everyCopiedFileIsInTheRepositoryOrBuiltAndReachesTheBuildContext(String name)
      throws Exception {
    Dockerfile file = dockerfile(name);
    Set<String> built = builtFiles();
    for (Dockerfile.Copy copy : file.copies()) {
      if (copy.from() != null) {
        assertTrue(
            file.stageNames().contains(copy.from()),
            name + " copies from an undefined stage " + copy.from());
        continue;
      }
      for (String source : copy.sources()) {
        assertTrue(
            built.contains(source) || Files.exists(REPO.root.resolve(source)),
            name
                + " copies "
                + source
                + ", which is neither in the repository nor written by the build ("
                + built
                + ")");
        assertFalse(
            REPO.dockerIgnores(source),
            ".dockerignore leaves " + source + " out of the build context");
      }
    }
  }

  @Test
  void theTrainerImageRunsTheTrainerJarsMainClassAsANonRootUser() throws Exception {
    Dockerfile.Stage image = dockerfile("trainer.Dockerfile").last();
    Repository.ShadedJar jar = REPO.shadedJars("trainer").get(0);
    assertEquals(TrainerMain.class.getName(), jar.mainClass(), "trainer/pom.xml's Main-Class");

    Dockerfile.Copy copied =
        image.copies().stream()
            .filter(c -> c.sources().contains(jar.path()))
            .findFirst()
            .orElseThrow();
    List<String> entry = image.entrypoint();
    assertEquals(
        TrainerMain.class.getName(),
        entry.get(entry.size() - 1),
        "the trial's flags follow the main class as container args");
    assertEquals(
        copied.destination(),
        entry.get(entry.indexOf("-cp") + 1),
        "the entry point runs the copied jar");
    assertTrue(
        entry.contains("-Dai.djl.offline=true"), "DJL must not download at run time: " + entry);
    assertEquals(
        "/usr/local/bin/pytorch-env", entry.get(0), "the CUDA natives are chosen per machine");
    String user =
        image.lines().stream()
            .filter(l -> l.startsWith("USER "))
            .reduce((a, b) -> b)
            .orElse("USER root")
            .substring(5)
            .trim();
    assertFalse(user.equals("root") || user.equals("0"), "runs as " + user);
    assertTrue(
        image.copies().stream()
            .anyMatch(c -> c.destination().equals(DataLocator.DEBIAN_DIR.toString())),
        "Fashion-MNIST is baked in where the trainer looks first");

    Path built = REPO.root.resolve(jar.path());
    if (Files.exists(built)) {
      // After `mvn package` the jar itself is checked too; the pom check above holds without it.
      try (JarFile shaded = new JarFile(built.toFile())) {
        assertEquals(
            TrainerMain.class.getName(),
            shaded.getManifest().getMainAttributes().getValue("Main-Class"));
        assertNotNull(shaded.getEntry(TrainerMain.class.getName().replace('.', '/') + ".class"));
      }
    }
  }

  @Test
  void theEntryPointParsesTheReferenceFlags() throws Exception {
    TrainingConfig config = TrainerArgs.parse(REFERENCE_FLAGS, Map.of()).members().get(0).config();
    assertEquals(Activation.RELU, config.activation());
    assertEquals(OptimizerKind.ADAM, config.optimizer());
    assertEquals(64, config.batchSize());
    assertEquals(2, config.epochs());

    // The entry point's own command line, with the test classpath for the jar: known flags and
    // --help exit 0, a bad value 2.
    assertEquals(0, runEntryPoint(concat(REFERENCE_FLAGS, List.of("--help"))).exitValue());
    Process refused = runEntryPoint(List.of("--activation", "relu", "--batch-size", "0"));
    assertEquals(2, refused.exitValue());
    String err = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(err.contains("--batch-size 0 is too small"), err);
  }

  private static Process runEntryPoint(List<String> args) throws Exception {
    List<String> entry = new ArrayList<>(dockerfile("trainer.Dockerfile").last().entrypoint());
    entry.remove(0);
    entry.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    entry.set(entry.indexOf("-cp") + 1, System.getProperty("java.class.path"));
    entry.addAll(args);
    Process p = new ProcessBuilder(entry).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the entry point did not exit");
    return p;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void baseImagesMatchThePomsBeamAndJavaVersions() throws Exception {
    Map<String, String> pom = REPO.properties();
    int release = Integer.parseInt(pom.get("maven.compiler.release"));
    String worker = dockerfile("dataflow-worker.Dockerfile").last().image();
    assertEquals(
        pom.get("beam.java.image"),
        worker,
        "the worker image is Beam's SDK image of the pom's Beam version");
    assertTrue(worker.endsWith(":" + pom.get("beam.version")), worker);
    assertEquals(release, javaMajor(worker));
    assertEquals(release, javaMajor(dockerfile("trainer.Dockerfile").last().image()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"trainer.Dockerfile", "dataflow-worker.Dockerfile"})
  void theFetchedPyTorchIsTheOneDjlsJniLibraryWasBuiltFor(String name) throws Exception {
    Dockerfile file = dockerfile(name);
    assertEquals(
        REPO.properties().get("pytorch.version"), file.globalArgs().get("PYTORCH_VERSION"));
    String flavor = file.globalArgs().get("PYTORCH_FLAVOR");
    assertTrue(flavor.startsWith("cu"), flavor);
    assertNotNull(
        getClass()
            .getClassLoader()
            .getResource("jnilib/linux-x86_64/" + flavor + "/libdjl_torch.so"),
        "pytorch-jni has no JNI library for "
            + flavor
            + "; DJL could not load the fetched natives");
    List<String> last = file.last().lines();
    assertTrue(
        last.contains("ARG PYTORCH_FLAVOR"),
        "a global ARG is empty in a stage that does not declare it again");
    assertTrue(
        last.stream()
            .anyMatch(
                l -> l.startsWith("ENV ") && l.contains("TUNEBEAM_CUDA_FLAVOR=${PYTORCH_FLAVOR}")),
        "pytorch-env.sh learns the flavor");
  }

  @Test
  void everyBuildFileTheDocsNameExists() throws Exception {
    Pattern named = Pattern.compile("(?:--config=|-f )(docker/\\S+)");
    List<String> seen = new ArrayList<>();
    // README.md and every page under docs/.
    List<Path> pages = new ArrayList<>(List.of(REPO.root.resolve("README.md")));
    if (Files.isDirectory(REPO.root.resolve("docs"))) {
      try (var docs = Files.list(REPO.root.resolve("docs"))) {
        docs.filter(d -> d.toString().endsWith(".md")).forEach(pages::add);
      }
    }
    for (Path doc : pages) {
      Matcher m = named.matcher(Files.readString(doc));
      while (m.find()) {
        seen.add(m.group(1));
        assertTrue(
            Files.isRegularFile(REPO.root.resolve(m.group(1))),
            doc.getFileName() + " names " + m.group(1) + ", which does not exist");
      }
    }
    assertTrue(
        seen.containsAll(
            List.of(
                "docker/cloudbuild-trainer.yaml",
                "docker/cloudbuild-dataflow-worker.yaml",
                "docker/trainer.Dockerfile",
                "docker/dataflow-worker.Dockerfile")),
        "the docs build both images: " + seen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloudbuild-trainer.yaml", "cloudbuild-dataflow-worker.yaml"})
  void cloudBuildBuildsAndPushesTheImage(String name) throws Exception {
    JsonNode build = new YAMLMapper().readTree(REPO.root.resolve("docker").resolve(name).toFile());
    List<JsonNode> steps = StreamSupport.stream(build.path("steps").spliterator(), false).toList();
    JsonNode docker = steps.get(steps.size() - 1);
    List<String> args =
        StreamSupport.stream(docker.path("args").spliterator(), false)
            .map(JsonNode::asText)
            .toList();
    String dockerfile = args.get(args.indexOf("-f") + 1);
    assertTrue(Files.exists(REPO.root.resolve(dockerfile)), dockerfile);
    assertEquals(".", args.get(args.size() - 1), "the repository root is the build context");
    assertEquals(
        args.get(args.indexOf("-t") + 1),
        build.path("images").path(0).asText(),
        "the tagged image is pushed");
    assertTrue(
        build.path("substitutions").path("_IMAGE").asText().contains("docker.pkg.dev"),
        "Artifact Registry by default");

    Set<String> built = builtFiles();
    List<String> jarsCopied =
        dockerfile(Path.of(dockerfile).getFileName().toString()).copies().stream()
            .filter(c -> c.from() == null)
            .flatMap(c -> c.sources().stream())
            .filter(built::contains)
            .toList();
    for (String jar : jarsCopied) {
      String module = jar.substring(0, jar.indexOf('/'));
      String earlier =
          steps.subList(0, steps.size() - 1).stream()
              .map(JsonNode::toString)
              .collect(Collectors.joining());
      assertTrue(
          earlier.contains("\"package\"") && earlier.contains("\"" + module + "\""),
          name + " must build " + jar + " before the image: Cloud Build uploads no target/ folder");
    }
    assertTrue(
        Files.readAllLines(REPO.root.resolve(".gcloudignore")).contains("target/"),
        "the upload leaves local build outputs out");
  }
}
