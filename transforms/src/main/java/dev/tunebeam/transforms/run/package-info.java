/**
 * Per-run state: {@code StudyRun} (the entry class), a small serializable handle every transform of
 * a study carries; its live objects (failure count, progress, workers) are found by id in the JVM
 * and dropped when the run is closed.
 *
 * <p>Decision: Beam serializes DoFns, so live state cannot travel in them; keying it by the run's
 * id keeps two studies in one JVM apart, where JVM statics would mix them.
 */
package dev.tunebeam.transforms.run;
