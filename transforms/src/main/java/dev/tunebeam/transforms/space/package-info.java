/**
 * The search space: {@code SearchSpace} (the entry class; built in Java with {@code
 * SearchSpaceBuilder} or read from YAML/JSON by {@code SearchSpaceLoader}), its {@code
 * ParameterSpec}s with conditions, and {@code Trial}, a point with a stable id.
 *
 * <p>Decision: a trial's id is a hash of the study name and its canonical active parameters, so the
 * same point always has the same id: resume, dedupe and idempotent Vertex AI jobs follow from it.
 * Every check runs once when a space is constructed, from a file or the builder alike.
 */
package dev.tunebeam.transforms.space;
