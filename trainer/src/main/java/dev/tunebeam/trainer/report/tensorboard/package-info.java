/**
 * TensorBoard event files written without TensorFlow: TFRecord framing with CRC32C, scalar and
 * HParams summaries ({@code TensorBoardRecorder}, the entry class).
 *
 * <p>Decision: only the few protobuf messages TensorBoard reads are compiled at build time, so the
 * trainer needs no TensorFlow and its files open in a stock TensorBoard.
 */
package dev.tunebeam.trainer.report.tensorboard;
