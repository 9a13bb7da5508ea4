/**
 * Trials as Vertex AI CustomJobs: {@code SubmitToVertex} (the entry class) submits each trial and
 * polls it, or submits now and collects later ({@code SubmitVertexJobs}, {@code AwaitVertexJobs});
 * {@code VertexSettings} holds the configuration and {@code CustomJobTemplate} the job's shape.
 *
 * <p>Decision: Vertex AI has no request id, so the trial id is a job label and part of the display
 * name, and the job is looked up by label before it is created: a retried bundle never pays twice.
 * Clients receive their settings by injection, which is how the tests point them at a loopback
 * fake.
 */
package dev.tunebeam.transforms.vertex;
