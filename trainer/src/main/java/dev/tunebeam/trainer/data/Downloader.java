package dev.tunebeam.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Downloads the canonical files into a cache folder, each verified against its published MD5 before
 * it is moved into place, so an interrupted or altered download is never used.
 */
public final class Downloader {
  public static final String CANONICAL_BASE_URL =
      "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
  public static final String ENV_MIRROR = "FASHION_MNIST_MIRROR";

  private final String baseUrl;
  private final Map<FashionMnistFile, String> expectedMd5;
  private HttpClient http;

  /** Verifies against the MD5 sums the dataset's authors publish. */
  public Downloader(String baseUrl) {
    this(baseUrl, published());
  }

  /** Verifies against other sums: for a mirror that recompressed the files, and for tests. */
  public Downloader(String baseUrl, Map<FashionMnistFile, String> expectedMd5) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.expectedMd5 = Map.copyOf(expectedMd5);
  }

  /**
   * Built on the first download: nearly every run finds the files present, and a client costs 0.2
   * CPU seconds (its TLS set-up) and a selector thread, in the pipeline's JVM and in every job.
   */
  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return http;
  }

  private static Map<FashionMnistFile, String> published() {
    Map<FashionMnistFile, String> m = new EnumMap<>(FashionMnistFile.class);
    for (FashionMnistFile f : FashionMnistFile.values()) {
      m.put(f, f.publishedMd5());
    }
    return m;
  }

  static Downloader fromEnvironment(Map<String, String> env) {
    String mirror = env.get(ENV_MIRROR);
    return new Downloader(mirror != null && !mirror.isBlank() ? mirror : CANONICAL_BASE_URL);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public void downloadInto(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (FashionMnistFile file : FashionMnistFile.values()) {
      Path target = dir.resolve(file.fileName());
      if (!Files.exists(target)) {
        fetch(file, target);
      }
    }
  }

  private void fetch(FashionMnistFile file, Path target) throws IOException {
    URI uri = URI.create(baseUrl + file.fileName());
    Path partial = Files.createTempFile(target.getParent(), file.fileName(), ".part");
    try {
      HttpResponse<InputStream> response =
          http()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException(uri + " answered HTTP " + response.statusCode());
      }
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      try (InputStream in = new DigestInputStream(response.body(), md5)) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      String actual = HexFormat.of().formatHex(md5.digest());
      if (!actual.equals(expectedMd5.get(file))) {
        throw new IOException(uri + " has MD5 " + actual + ", expected " + expectedMd5.get(file));
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + uri, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
