/**
 * Every benchmark of the project and its scripts; each is a {@code main} that prints figures.
 *
 * <p>Entry classes: {@code HalvingBenchmark} (halving against the grid on the reference space),
 * {@code StudyBenchmark} (the reference study, timed), {@code TpeContractBenchmark} and {@code
 * TpeBenchmark} (TPE against random search), {@code ThroughputBenchmark} and {@code
 * ParityBenchmark} (the trainer alone, and against PyTorch), {@code WarmWorkerBenchmark} (a warm
 * worker's epochs against a fresh JVM's, job by job). Run one with {@code java -cp
 * pipeline/target/tunebeam.jar:bench/target/tunebeam-bench.jar dev.tunebeam.bench.NAME}.
 *
 * <p>Decision: benchmarks are a module of their own, never shaded into {@code tunebeam.jar} nor
 * copied into the trainer image, and speed is checked by benchmarks that print figures rather than
 * by timed tests, because machines of one kind differ by up to 2x.
 */
package dev.tunebeam.bench;
