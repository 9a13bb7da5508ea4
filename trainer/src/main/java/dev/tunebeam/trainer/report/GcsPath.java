package dev.tunebeam.trainer.report;

import com.google.cloud.storage.BlobId;

/** A {@code gs://bucket/object} location; {@code object} may be empty (the bucket's root). */
public record GcsPath(String bucket, String object) {
  public static boolean isGcs(String location) {
    return location != null && location.startsWith("gs://");
  }

  public static GcsPath parse(String location) {
    if (!isGcs(location)) {
      throw new IllegalArgumentException(location + " is not a gs:// location");
    }
    String rest = location.substring("gs://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String object = slash < 0 ? "" : rest.substring(slash + 1);
    if (!bucket.matches("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]")) {
      throw new IllegalArgumentException(
          location
              + " names no valid bucket: bucket names are 3-222 lowercase letters, digits, '.', '_' and '-'");
    }
    while (object.endsWith("/")) {
      object = object.substring(0, object.length() - 1);
    }
    return new GcsPath(bucket, object);
  }

  public GcsPath resolve(String child) {
    return new GcsPath(bucket, object.isEmpty() ? child : object + "/" + child);
  }

  public BlobId blobId() {
    return BlobId.of(bucket, object);
  }

  @Override
  public String toString() {
    return "gs://" + bucket + (object.isEmpty() ? "" : "/" + object);
  }
}
