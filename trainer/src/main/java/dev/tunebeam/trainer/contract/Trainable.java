package dev.tunebeam.trainer.contract;

import java.io.Serializable;

/**
 * Your own Java training, tuned by tunebeam: it reads its hyperparameters from the context, trains,
 * reports metrics per epoch with {@link TrialContext#report} and returns the final ones. It runs in
 * a worker JVM of its own (serialized there with its fields), so a native crash fails only its
 * trial. A {@link BadParameterException} (the context's getters throw it) fails the trial with its
 * message, as exit code 2 does for a command trainer; any other exception fails it with its
 * description.
 *
 * <pre>{@code
 * Trainable mlp = ctx -> {
 *   int hidden = ctx.integer("hidden", 128);
 *   for (int epoch = 1; epoch <= ctx.integer("num_epochs", 3); epoch++) {
 *     ...
 *     ctx.report(epoch, Map.of("val_accuracy", accuracy));
 *   }
 *   return TrialOutcome.reported();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Trainable extends Serializable {
  TrialOutcome train(TrialContext ctx) throws Exception;
}
