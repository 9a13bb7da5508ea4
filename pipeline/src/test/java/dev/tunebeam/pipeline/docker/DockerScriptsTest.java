package dev.tunebeam.pipeline.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' two scripts, run for real: fetch-djl-natives.sh against a local server laid out like
 * publish.djl.ai, and pytorch-env.sh with and without a GPU device.
 */
@Tag("integration")
class DockerScriptsTest {
  private static final Repository REPO = Repository.find();
  private static final String INDEX =
      String.join(
              "\n",
              "cpu/linux-x86_64/native/lib/libtorch.so.gz",
              "cpu/linux-x86_64/native/lib/libtorch_cpu.so.gz",
              "cu128/linux-x86_64/native/lib/libtorch.so.gz",
              "cu128/linux-x86_64/native/lib/libtorch_cuda.so.gz",
              "cu128/linux-x86_64/native/lib/libcudart-218eec4c.so.12.gz",
              "cu128/linux-x86_64/native/lib/libnv%2Bext.so.gz",
              "cu128/linux-aarch64/native/lib/libtorch.so.gz",
              "cu126/linux-x86_64/native/lib/libtorch.so.gz")
          + "\n";

  private HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> requested = new ArrayList<>();

  private record Result(int code, String out) {}

  @BeforeEach
  void serve() throws IOException {
    files.put("/pytorch/2.7.1/files.txt", INDEX.getBytes(StandardCharsets.UTF_8));
    for (String line : INDEX.split("\n")) {
      // The content names the file, so the test can tell which one landed where.
      files.put("/pytorch/2.7.1/" + line, gzip(line));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          synchronized (requested) {
            requested.add(path);
          }
          byte[] body = files.get(path);
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private Result fetch(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("bash", REPO.root.resolve("docker/fetch-djl-natives.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment()
        .put("DJL_PUBLISH_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/pytorch");
    return run(pb);
  }

  private static Result run(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }

  @Test
  void fetchesExactlyTheFlavorsFilesDecodedAndLinksTheCudaRuntime(@TempDir Path dir)
      throws Exception {
    Path lib = dir.resolve("pytorch");
    Path link = dir.resolve("cudart");
    Result r = fetch("2.7.1", "cu128", lib.toString(), link.toString());

    assertEquals(0, r.code(), r.out());
    try (var listing = Files.list(lib)) {
      assertEquals(
          List.of("libcudart-218eec4c.so.12", "libnv+ext.so", "libtorch.so", "libtorch_cuda.so"),
          listing.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(
        "cu128/linux-x86_64/native/lib/libtorch_cuda.so.gz",
        Files.readString(lib.resolve("libtorch_cuda.so")),
        "gunzipped");
    assertEquals(
        "cu128/linux-x86_64/native/lib/libnv%2Bext.so.gz",
        Files.readString(lib.resolve("libnv+ext.so")), "fetched by its encoded name");
    assertTrue(Files.isSymbolicLink(link.resolve("libcudart.so")));
    assertEquals(
        lib.resolve("libcudart-218eec4c.so.12").toRealPath(),
        link.resolve("libcudart.so").toRealPath());
    assertFalse(
        requested.stream()
            .anyMatch(p -> p.contains("cpu/") || p.contains("cu126/") || p.contains("aarch64")),
        requested.toString());
  }

  @Test
  void aFlavorTheIndexLacksFailsTheBuildNamingTheFlavorsThere(@TempDir Path dir) throws Exception {
    Result r = fetch("2.7.1", "cu999", dir.resolve("pytorch").toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("no cu999/linux-x86_64/ files for PyTorch 2.7.1"), r.out());
    assertTrue(r.out().contains("cu128/linux-x86_64"), "lists what exists: " + r.out());
  }

  @Test
  void aMissingFileOrVersionFailsTheBuild(@TempDir Path dir) throws Exception {
    files.remove("/pytorch/2.7.1/cu128/linux-x86_64/native/lib/libtorch_cuda.so.gz");
    assertTrue(
        fetch("2.7.1", "cu128", dir.resolve("b").toString()).code() != 0, "a 404 on a listed file");
    assertTrue(
        fetch("9.9.9", "cu128", dir.resolve("c").toString()).code() != 0, "a 404 on the index");
  }

  @Test
  void cpuFetchesNothing(@TempDir Path dir) throws Exception {
    Result r =
        fetch("2.7.1", "cpu", dir.resolve("pytorch").toString(), dir.resolve("cudart").toString());
    assertEquals(0, r.code(), r.out());
    assertEquals(List.of(), requested);
    assertFalse(Files.exists(dir.resolve("cudart")));
  }

  private static Map<String, String> envUnder(Path device, Path natives) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("sh", REPO.root.resolve("docker/pytorch-env.sh").toString(), "env");
    pb.environment().put("TUNEBEAM_GPU_DEVICE", device.toString());
    pb.environment().put("TUNEBEAM_CUDA_NATIVES", natives.toString());
    pb.environment().put("TUNEBEAM_CUDART_DIR", "/opt/djl/cudart");
    pb.environment().put("TUNEBEAM_CUDA_FLAVOR", "cu128");
    pb.environment().remove("LD_LIBRARY_PATH");
    pb.environment().remove("PYTORCH_LIBRARY_PATH");
    pb.environment().remove("PYTORCH_FLAVOR");
    Result r = run(pb);
    assertEquals(0, r.code(), r.out());
    Map<String, String> env = new java.util.HashMap<>();
    for (String line : r.out().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  @Test
  void withAGpuDjlIsPointedAtTheCudaBuild(@TempDir Path dir) throws Exception {
    Path device = Files.createFile(dir.resolve("nvidiactl"));
    Path natives = Files.createDirectories(dir.resolve("pytorch"));
    Files.createFile(natives.resolve("libtorch.so"));

    Map<String, String> env = envUnder(device, natives);
    assertEquals(natives.toString(), env.get("PYTORCH_LIBRARY_PATH"));
    assertEquals("cu128", env.get("PYTORCH_FLAVOR"));
    assertTrue(
        env.get("LD_LIBRARY_PATH").startsWith("/opt/djl/cudart:/usr/local/nvidia/lib64"),
        env.get("LD_LIBRARY_PATH"));
  }

  @Test
  void withoutAGpuOrWithoutCudaNativesTheJarsCpuBuildIsUsed(@TempDir Path dir) throws Exception {
    Path natives = Files.createDirectories(dir.resolve("pytorch"));
    Files.createFile(natives.resolve("libtorch.so"));
    assertFalse(
        envUnder(dir.resolve("no-such-device"), natives).containsKey("PYTORCH_LIBRARY_PATH"),
        "no GPU");

    Path device = Files.createFile(dir.resolve("nvidiactl"));
    assertFalse(
        envUnder(device, Files.createDirectories(dir.resolve("empty")))
            .containsKey("PYTORCH_LIBRARY_PATH"),
        "a cpu-flavor image");
  }
}
