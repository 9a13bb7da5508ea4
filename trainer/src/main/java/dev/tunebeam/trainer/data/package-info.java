/**
 * Fashion-MNIST: the IDX files read by hand ({@code IdxReader}), found locally, in Debian's package
 * or in Cloud Storage ({@code DataLocator}), normalised and split into train, validation and test
 * ({@code FashionMnistLoader}, the entry class).
 *
 * <p>Decision: DJL's own {@code FashionMnist} downloads from a host that is not always reachable;
 * reading the four canonical IDX files ourselves works offline and checksums what was read.
 */
package dev.tunebeam.trainer.data;
