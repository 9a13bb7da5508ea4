package dev.tunebeam.pipeline.tune;

import dev.tunebeam.transforms.vertex.CustomJobTemplate;

/**
 * The reference launcher's optional Vertex AI flags: {@code --experiment-name}, {@code
 * --tensorboard-name}, {@code --enable-model-registry}, and {@code --use-custom-container}, which
 * is accepted and changes nothing because every trial already runs tunebeam's custom container.
 * Null names mean the flag was not given.
 */
record VertexExtras(
    String experimentName,
    String tensorboardName,
    boolean modelRegistry,
    boolean useCustomContainer) {

  static VertexExtras of(
      String experiment, String tensorboard, boolean modelRegistry, boolean useCustomContainer) {
    if (experiment != null && !experiment.matches("[a-z0-9][a-z0-9-]{0,127}")) {
      throw new IllegalArgumentException(
          "--experiment-name "
              + experiment
              + " is not allowed; Vertex AI Experiments take up to 128 "
              + "lowercase letters, digits and '-', starting with a letter or digit");
    }
    if (tensorboard != null && tensorboard.isBlank()) {
      throw new IllegalArgumentException(
          "--tensorboard-name is empty; give the instance's display name or projects/P/locations/R/tensorboards/ID");
    }
    return new VertexExtras(experiment, tensorboard, modelRegistry, useCustomContainer);
  }

  /**
   * Vertex refuses a job that writes to a TensorBoard instance without a service account to write
   * as.
   */
  void checkWith(CustomJobTemplate template) {
    if (tensorboardName != null
        && (template.serviceAccount() == null || template.serviceAccount().isEmpty())) {
      throw new IllegalArgumentException(
          "--tensorboard-name "
              + tensorboardName
              + " needs --service-account: Vertex AI writes a trial's "
              + "TensorBoard logs as that account (it needs roles/aiplatform.user and write access to the bucket)");
    }
  }
}
