package dev.tunebeam.transforms.vertex;

import dev.tunebeam.transforms.study.Trial;
import java.io.Serializable;
import org.apache.beam.sdk.annotations.Internal;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * A trial and the Vertex AI CustomJob that runs it. {@code created} is false when the job was found
 * from an earlier attempt (a retried bundle, a rerun) and attached to instead.
 */
@DefaultCoder(SerializableCoder.class)
@Internal
public record VertexSubmission(
    Trial trial, String jobName, String baseOutputDirectory, boolean created)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
