/**
 * The trial contract as types: {@code TrialContract} (flags and Vertex AI's environment), a Java
 * {@code Trainable} with its {@code TrialContext} and {@code TrialOutcome}, and {@code
 * TrainableMain}, the worker JVM a {@code Trainable} runs in.
 *
 * <p>Decision: one contract for every trainer (the built-in one, a user's program, a Java class),
 * so local workers, Vertex AI jobs, resume and the leaderboard need no special case per trainer.
 */
package dev.tunebeam.trainer.contract;
