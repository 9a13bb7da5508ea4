/**
 * Search algorithms, and the schedules they plan. Entry points: {@link
 * dev.tunebeam.transforms.search.SearchAlgorithm} (one algorithm: a key, a settings record read
 * from its own keys of the search-space file, {@code Schedule plan(SearchSpace)}), {@link
 * dev.tunebeam.transforms.search.SearchAlgorithms} (the registry: each algorithm is listed there
 * once) and {@link dev.tunebeam.transforms.search.RunSchedule} (the transform that runs a plan).
 * Each algorithm lives in a package of its own: {@code grid}, {@code random}, {@code halving},
 * {@code hyperband}, {@code tpe}, {@code gp}. Early stopping ({@code stopping}: median, percentile,
 * threshold) is not an algorithm but stages any one-shot study or round can be laid out in ({@code
 * StoppingStages}, deciding with {@code stopping.StoppingRules}). An algorithm whose rounds read
 * earlier results gives a {@link dev.tunebeam.transforms.search.Proposer}; the loop around it
 * (constant liar, dedupe, random fallback) is {@link dev.tunebeam.transforms.search.Proposals}',
 * shared by every proposer.
 *
 * <p>Decision: every schedule is unrolled when the pipeline is built. A Beam pipeline is a DAG with
 * no loops, so "train, look at the results, decide what to train next" cannot be a cycle in it.
 * Each algorithm plans its whole {@link dev.tunebeam.transforms.search.Schedule} up front (one
 * shot; rungs whose sizes follow from eta; rounds of a fixed batch), and {@code RunSchedule} lays
 * each stage out as its own transforms: a rung's results gathered into one list are the barrier
 * before the next rung, and a round reads every earlier round as a side input. Only which trials a
 * stage trains is decided while the pipeline runs, by code that is deterministic for a seed, so the
 * same space gives the same study on any runner and a rerun reuses every finished step.
 *
 * <p>That is also why an asynchronous scheduler such as ASHA (promote a trial the moment it beats
 * enough of the trials that happen to have finished) has no place here: its decisions depend on the
 * order trials finish in, which a runner does not fix, and its stages have no size known in
 * advance, so it can be neither unrolled nor repeated. It would belong in an executor that owns its
 * own loop (as Vertex AI's tuning service does), not in the graph.
 *
 * <p>Decision: the search package depends on {@code space} (what to search) and {@code results}
 * (what a trial gave), never the reverse; {@code space} reaches the registry only through {@link
 * dev.tunebeam.transforms.space.AlgorithmCatalog}, found with {@link java.util.ServiceLoader} as
 * Beam finds its file systems.
 */
package dev.tunebeam.transforms.search;
