/**
 * The training loop ({@code FusedTrainer}, the entry class): data on the device, per-epoch shuffle,
 * batches sliced from one array, evaluation, checkpoints and warm start; {@code FusionProbe}
 * measures fused speed in a worker JVM for {@code --fuse=auto}.
 *
 * <p>Decision: DJL's {@code EasyTrain} syncs with the device every batch; this loop reads scalars
 * once per epoch, which keeps a GPU busy and a CPU free of needless syncs.
 */
package dev.tunebeam.trainer.train;
