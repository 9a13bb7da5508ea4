/**
 * How the main job's options become a study: the search space ({@code SpaceChoice}, {@code
 * SearchSpaceFile}), the objective ({@code ObjectiveChoice}), the trainer ({@code TrainerChoice}),
 * the early-stopping rule ({@code StoppingChoice}), the backends and their settings ({@code
 * Backends}, the entry class) and the scheduled graph ({@code Scheduled}).
 *
 * <p>Decision: the main job only maps flags onto the library's builders; every check lives once in
 * the transforms' {@code withX} methods, so the Java API and the command line refuse the same input
 * with the same sentence.
 */
package dev.tunebeam.pipeline.study;
