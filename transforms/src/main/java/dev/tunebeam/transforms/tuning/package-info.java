/**
 * Vertex AI hyperparameter-tuning jobs (Vizier) built from a search space: the study spec with its
 * metric, parameters, conditions, algorithm and early stopping ({@code StudySpecs}), the job
 * ({@code TuningJobs}, the entry class) and its trials read back as results ({@code
 * TuningJobResults}).
 *
 * <p>Decision: tuning jobs are a separate product from per-trial CustomJobs (Vertex AI runs the
 * study, not Beam), used only by the {@code tune} launcher, so they live apart from {@code vertex}.
 */
package dev.tunebeam.transforms.tuning;
