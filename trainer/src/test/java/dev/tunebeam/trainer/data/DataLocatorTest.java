package dev.tunebeam.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
  @TempDir Path tmp;
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private Path folderWithAllFiles(String name) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(name));
    Files.write(
        d.resolve(FashionMnistFile.TRAIN_IMAGES.fileName()), IdxFiles.images(2051, 3, 28, 28, 3));
    Files.write(d.resolve(FashionMnistFile.TRAIN_LABELS.fileName()), IdxFiles.labels(2049, 3, 3));
    Files.write(
        d.resolve(FashionMnistFile.TEST_IMAGES.fileName()), IdxFiles.images(2051, 2, 28, 28, 2));
    Files.write(d.resolve(FashionMnistFile.TEST_LABELS.fileName()), IdxFiles.labels(2049, 2, 2));
    return d;
  }

  private DataLocator locator(
      Map<String, String> env, Path debian, Path cache, Downloader downloader) {
    return new DataLocator(
        env,
        debian,
        cache,
        downloader,
        () -> {
          throw new AssertionError("no GCS here");
        });
  }

  private static Downloader unreachable() {
    return new Downloader("http://127.0.0.1:9/");
  }

  /**
   * Every job builds a locator, and nearly every one finds its files: a download client (its TLS
   * set-up, 0.2 CPU seconds, and a selector thread) is built only when a file must be fetched.
   */
  @Test
  void aLocatorThatFindsItsFilesStartsNoHttpClient() throws Exception {
    Path debian = folderWithAllFiles("present");
    long before = httpClientThreads();
    for (int job = 0; job < 3; job++) {
      assertEquals(
          debian.toString(),
          locator(Map.of(), debian, tmp.resolve("cache"), unreachable()).locate(null).location());
    }
    assertTrue(
        httpClientThreads() <= before, "an HTTP client's selector thread started for no download");
  }

  private static long httpClientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-"))
        .count();
  }

  @Test
  void searchOrderIsFlagThenEnvironmentThenDebianThenCache() throws Exception {
    Path flag = folderWithAllFiles("flag");
    Path env = folderWithAllFiles("env");
    Path debian = folderWithAllFiles("debian");
    Path cache = folderWithAllFiles("cache");
    Map<String, String> vars = Map.of(DataLocator.ENV_DIR, env.toString());
    assertEquals(
        flag.toString(),
        locator(vars, debian, cache, unreachable()).locate(flag.toString()).location());
    assertEquals(
        env.toString(), locator(vars, debian, cache, unreachable()).locate(null).location());
    assertEquals(
        debian.toString(), locator(Map.of(), debian, cache, unreachable()).locate(null).location());
    assertEquals(
        cache.toString(),
        locator(Map.of(), tmp.resolve("none"), cache, unreachable()).locate(null).location());
  }

  @Test
  void explicitFolderWithoutTheFilesIsAnErrorNotAFallThrough() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path debian = folderWithAllFiles("debian");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                locator(Map.of(), debian, tmp.resolve("c"), unreachable())
                    .locate(empty.toString()));
    assertTrue(
        e.getMessage().startsWith("--data-dir " + empty + " lacks train-images-idx3-ubyte.gz"),
        e.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                locator(Map.of(), debian, tmp.resolve("c"), unreachable()).locate("/no/such/dir"));
    assertTrue(
        missing.getMessage().contains("/no/such/dir is not a readable directory"),
        missing.getMessage());
  }

  @Test
  void nothingFoundAndNoNetworkSaysWhatToInstall() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                locator(Map.of(), tmp.resolve("d"), tmp.resolve("c"), unreachable()).locate(null));
    assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
    assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
  }

  @Test
  void downloadsIntoTheCacheAndVerifiesChecksums() throws Exception {
    Path served = folderWithAllFiles("served");
    Map<FashionMnistFile, String> md5 = new EnumMap<>(FashionMnistFile.class);
    for (FashionMnistFile f : FashionMnistFile.values()) {
      md5.put(
          f,
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("MD5")
                      .digest(Files.readAllBytes(served.resolve(f.fileName())))));
    }
    String base = serve(served);
    Path cache = tmp.resolve("cache");
    DataSource source =
        locator(Map.of(), tmp.resolve("d"), cache, new Downloader(base, md5)).locate(null);
    assertEquals(cache.toString(), source.location());
    assertEquals(3, FashionMnistLoader.load(source, 0, 0).train().count());
  }

  @Test
  void aDownloadWithTheWrongChecksumIsDiscarded() throws Exception {
    String base = serve(folderWithAllFiles("served"));
    Path cache = tmp.resolve("cache");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> locator(Map.of(), tmp.resolve("d"), cache, new Downloader(base)).locate(null));
    assertTrue(e.getMessage().contains("has MD5"), e.getMessage());
    assertFalse(Files.exists(cache.resolve(FashionMnistFile.TRAIN_IMAGES.fileName())));
    try (var left = Files.list(cache)) {
      assertEquals(0, left.count(), "no partial files stay behind");
    }
  }

  private String serve(Path dir) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Path f = dir.resolve(exchange.getRequestURI().getPath().substring(1));
          if (Files.exists(f)) {
            byte[] body = Files.readAllBytes(f);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } else {
            exchange.sendResponseHeaders(404, -1);
          }
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
