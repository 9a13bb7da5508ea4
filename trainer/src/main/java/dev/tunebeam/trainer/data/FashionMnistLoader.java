package dev.tunebeam.trainer.data;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the four files of a {@link DataSource} into memory, checking them against each other. */
public final class FashionMnistLoader {
  private FashionMnistLoader() {}

  /**
   * Loads the first {@code trainLimit} training and {@code testLimit} test items (all when a limit
   * is {@code <= 0}).
   */
  public static FashionMnistData load(DataSource source, int trainLimit, int testLimit)
      throws IOException {
    Map<String, String> sha = new LinkedHashMap<>();
    Split train =
        split(
            source, FashionMnistFile.TRAIN_IMAGES, FashionMnistFile.TRAIN_LABELS, trainLimit, sha);
    checkLimit(
        "--train-samples",
        trainLimit,
        train,
        source.location() + "/" + FashionMnistFile.TRAIN_IMAGES.fileName());
    Split test =
        split(source, FashionMnistFile.TEST_IMAGES, FashionMnistFile.TEST_LABELS, testLimit, sha);
    checkLimit(
        "--test-samples",
        testLimit,
        test,
        source.location() + "/" + FashionMnistFile.TEST_IMAGES.fileName());
    return new FashionMnistData(train, test, source.location(), sha);
  }

  /**
   * A limit above what the file holds is refused: training on fewer images than asked, silently,
   * misreports the run.
   */
  private static void checkLimit(String flag, int limit, Split split, String file) {
    if (limit > split.count()) {
      throw new IllegalArgumentException(
          flag
              + " "
              + limit
              + " is more than the "
              + split.count()
              + " images in "
              + file
              + "; use at most "
              + split.count()
              + " (0: all)");
    }
  }

  /**
   * Loads the whole training file, holds {@code validationSamples} images out by {@link
   * ValidationSplit} with {@code validationSeed}, and keeps the first {@code trainLimit} of the
   * rest; with {@code validationSamples == 0} this is {@link #load(DataSource, int, int)}.
   */
  public static FashionMnistData load(
      DataSource source, int trainLimit, int validationSamples, long validationSeed, int testLimit)
      throws IOException {
    if (validationSamples == 0) {
      return load(source, trainLimit, testLimit);
    }
    Map<String, String> sha = new LinkedHashMap<>();
    Split all = split(source, FashionMnistFile.TRAIN_IMAGES, FashionMnistFile.TRAIN_LABELS, 0, sha);
    ValidationSplit.Parts parts =
        ValidationSplit.hold(all, validationSamples, validationSeed, trainLimit);
    checkLimit(
        "--train-samples",
        trainLimit,
        parts.train(),
        source.location()
            + "/"
            + FashionMnistFile.TRAIN_IMAGES.fileName()
            + " after the "
            + validationSamples
            + " held out for validation (--validation-samples)");
    Split test =
        split(source, FashionMnistFile.TEST_IMAGES, FashionMnistFile.TEST_LABELS, testLimit, sha);
    checkLimit(
        "--test-samples",
        testLimit,
        test,
        source.location() + "/" + FashionMnistFile.TEST_IMAGES.fileName());
    return new FashionMnistData(
        parts.train(), parts.validation(), test, source.location(), sha, parts.split());
  }

  private static Split split(
      DataSource source,
      FashionMnistFile imageFile,
      FashionMnistFile labelFile,
      int limit,
      Map<String, String> sha)
      throws IOException {
    ParsedSplits.Parsed parsed =
        ParsedSplits.get(
            source, imageFile, labelFile, limit, () -> parse(source, imageFile, labelFile, limit));
    sha.putAll(parsed.sha256());
    return parsed.split();
  }

  private static ParsedSplits.Parsed parse(
      DataSource source, FashionMnistFile imageFile, FashionMnistFile labelFile, int limit)
      throws IOException {
    Map<String, String> sha = new LinkedHashMap<>();
    String imageName = source.location() + "/" + imageFile.fileName();
    String labelName = source.location() + "/" + labelFile.fileName();
    byte[] imageBytes = readAll(source, imageFile, imageName);
    byte[] labelBytes = readAll(source, labelFile, labelName);
    sha.put(imageFile.fileName(), sha256(imageBytes));
    sha.put(labelFile.fileName(), sha256(labelBytes));
    IdxImages images = IdxReader.readImages(imageName, new ByteArrayInputStream(imageBytes), limit);
    IdxLabels labels = IdxReader.readLabels(labelName, new ByteArrayInputStream(labelBytes), limit);
    if (images.rows() != Split.SIDE || images.cols() != Split.SIDE) {
      throw new IdxFormatException(
          imageName,
          "images are " + images.rows() + "x" + images.cols() + ", LeNet-5 here needs 28x28");
    }
    if (images.declaredCount() != labels.declaredCount()) {
      throw new IdxFormatException(
          imageName,
          "declares "
              + images.declaredCount()
              + " images but "
              + labelName
              + " declares "
              + labels.declaredCount()
              + " labels");
    }
    return new ParsedSplits.Parsed(
        new Split(images.pixels(), labels.labels(), images.count()),
        Collections.unmodifiableMap(sha));
  }

  private static byte[] readAll(DataSource source, FashionMnistFile file, String name)
      throws IOException {
    try (InputStream in = source.open(file)) {
      return in.readAllBytes();
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new IdxFormatException(name, "missing");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
