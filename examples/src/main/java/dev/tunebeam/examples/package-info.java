/**
 * Small programs a user copies: a grid in Java ({@code QuickGridSearch}), a YAML space with a
 * random search ({@code CustomSearchSpace}), the transforms inside a pipeline of your own ({@code
 * TransformsInYourPipeline}), your own Java model as a {@code Trainable} ({@code TuneYourOwnModel},
 * {@code MlpTrainable}) and local and Vertex AI trials in one study ({@code HybridDispatch}).
 *
 * <p>Decision: examples use only what a pipeline author sees (the PTransforms, their settings, the
 * search-space builder, {@code Trial}, {@code TrialResult}, {@code Trainable}), so they show the
 * library's public surface and break when it does.
 */
package dev.tunebeam.examples;
