/**
 * The study's value types, which every stage shares: a {@link dev.tunebeam.transforms.study.Trial}
 * (one point of the space), its {@link dev.tunebeam.transforms.study.TrialResult} and {@link
 * dev.tunebeam.transforms.study.TrialStatus}, and the {@link
 * dev.tunebeam.transforms.study.Objectives} that judge and order results. They depend on nothing
 * else in transforms, so the space that makes trials and the results that rank them both depend on
 * this package and not on each other.
 */
package dev.tunebeam.transforms.study;
