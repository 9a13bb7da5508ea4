/**
 * Early stopping as stages of the graph ({@code stopping: {rule: median | percentile | threshold,
 * grace_epochs, at}}): the trials of a grid, a random study or one TPE/GP round train to each
 * decision epoch together, the rule stops some (STOPPED rows with their curve so far), and the rest
 * continue from their checkpoints. Entry classes: {@link
 * dev.tunebeam.transforms.search.stopping.StoppingRules} (the decision, a pure function of the
 * trials' values at one epoch), {@link dev.tunebeam.transforms.search.stopping.StoppingPlan} (the
 * rule checked against a study: its stage epochs and objective) and {@link
 * dev.tunebeam.transforms.search.stopping.StoppingReplay} (the same decisions over recorded curves,
 * for benchmarks and replays).
 *
 * <p>Decision: Vertex AI, Optuna and Ray Tune decide each trial the moment it reports, against
 * whichever trials happen to have finished: the outcome depends on timing. Here every decision
 * epoch is a barrier, as halving's rungs are, so the cohort is fixed (the trials of the stage), the
 * same study stops the same trials on any runner, and a rerun reuses every finished stage. The cost
 * is a barrier per decision epoch, which is why {@code at} names a few epochs rather than all.
 */
package dev.tunebeam.transforms.search.stopping;
