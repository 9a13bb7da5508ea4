/**
 * Routing trials to backends: {@code RunTrials} (the entry class) sends each trial to local
 * training or to Vertex AI by a {@code BackendRule}.
 *
 * <p>Decision: one study can mix backends (hybrid dispatch), so the rule is a value the graph
 * carries, and both branches produce the same {@code TrialResult}s.
 */
package dev.tunebeam.transforms.dispatch;
