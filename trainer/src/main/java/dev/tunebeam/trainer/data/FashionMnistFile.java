package dev.tunebeam.trainer.data;

/**
 * The four canonical Fashion-MNIST files, with the MD5 sums the dataset's authors publish for them
 * (zalandoresearch/fashion-mnist README), used to verify a download.
 */
public enum FashionMnistFile {
  TRAIN_IMAGES("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
  TRAIN_LABELS("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
  TEST_IMAGES("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
  TEST_LABELS("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310");

  private final String fileName;
  private final String publishedMd5;

  FashionMnistFile(String fileName, String publishedMd5) {
    this.fileName = fileName;
    this.publishedMd5 = publishedMd5;
  }

  public String fileName() {
    return fileName;
  }

  public String publishedMd5() {
    return publishedMd5;
  }
}
