/**
 * The {@code tune} command: a Vertex AI hyperparameter-tuning job (Vizier) launched from a search
 * space ({@code VertexTuningLauncher}, the entry class), its flags ({@code LauncherOptions}, {@code
 * LauncherFlags}), the job request and its watcher, and the extras around it (TensorBoard instance,
 * Experiments runs, Model Registry).
 *
 * <p>Decision: the launcher is a second product beside the Beam pipeline (Vertex AI runs the study,
 * not Beam) and so a package of its own; it shares the search space, the container contract and the
 * leaderboard writer with the main job.
 */
package dev.tunebeam.pipeline.tune;
