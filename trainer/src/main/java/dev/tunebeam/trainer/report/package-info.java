/**
 * What a training writes: per-epoch records ({@code EpochRecord}), {@code metrics.json}, the {@code
 * cloudml-hypertune} metric file ({@code HypertuneFile}, {@code HypertuneReporter}), the model and
 * checkpoints, a worker's outcome file, through local or Cloud Storage artifact stores; and the
 * console that removes credentials ({@code RedactedConsole}).
 *
 * <p>Decision: one metrics model (epoch records read by one objective) for every trainer, and one
 * redacting console wrapped around {@code System.out} and {@code System.err}, because Beam, gax and
 * JUL write to stderr directly.
 */
package dev.tunebeam.trainer.report;
