/**
 * The built-in LeNet-5 trainer as a program under the trial contract: {@code TrainerMain} (the
 * container's entry point, one configuration or a fused group), {@code TrainerWorker} (a warm
 * worker JVM that trains job after job), and the steps of one {@code TrainingJob}.
 *
 * <p>Decision: the trainer module has no Beam, so the Vertex AI container stays small and a user
 * can run one configuration alone, exactly as a local worker process does.
 */
package dev.tunebeam.trainer;
