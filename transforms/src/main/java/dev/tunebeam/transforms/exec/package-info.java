/**
 * Where trials run, behind one seam. {@link dev.tunebeam.transforms.exec.TrialExecutor} runs a
 * group of trials and returns their results; local fused LeNet-5 groups, command processes, Java
 * trainables and Vertex AI CustomJobs implement it. {@link
 * dev.tunebeam.transforms.exec.ExecuteTrials}, the entry class, runs any executor and writes
 * everything around a group once: the failure budget and SKIPPED rows, progress lines and the ETA,
 * counters, the run's utilisation and the results rewritten while the study runs.
 *
 * <p>The decision behind it: work is pulled, not dealt. Each run keeps a queue per executor in each
 * JVM ({@code RunQueue}); its lanes are threads that take the longest group left whenever they are
 * free, from every stage of the run (each rung of successive halving, each TPE round, Hyperband's
 * brackets side by side). Groups dealt onto lanes up front from estimates finished unevenly
 * (softmax trials and slow workers break the estimate): in the reference study one lane idled for
 * 19 minutes while the other trained its last five trials. A Beam DoFn call only waits for its
 * share's results and emits them, so on the DirectRunner one runner thread per stage is enough, and
 * a stage that ends early holds its thread while others run, because the runner's driver polls
 * without pause on any free thread.
 */
package dev.tunebeam.transforms.exec;
