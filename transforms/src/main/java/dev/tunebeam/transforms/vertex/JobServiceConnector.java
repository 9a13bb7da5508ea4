package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.JobServiceSettings;
import java.io.IOException;
import java.io.Serializable;

/**
 * Makes the {@link JobServiceSettings} a worker connects with. Settings objects are not
 * serializable, so a transform carries this factory to its workers instead; {@link VertexEndpoint}
 * is the standard one, and tests or private endpoints supply their own.
 */
@FunctionalInterface
interface JobServiceConnector extends Serializable {
  JobServiceSettings settings() throws IOException;
}
