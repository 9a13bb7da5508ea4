package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.ModelServiceGrpc;
import com.google.cloud.aiplatform.v1.UploadModelOperationMetadata;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelResponse;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertex AI's Model service: uploads kept, refused as Vertex does without an artifact or container,
 * done at once.
 */
public final class FakeModelService extends ModelServiceGrpc.ModelServiceImplBase {
  private final List<UploadModelRequest> uploads = new ArrayList<>();

  public synchronized List<UploadModelRequest> uploads() {
    return List.copyOf(uploads);
  }

  @Override
  public synchronized void uploadModel(
      UploadModelRequest request, StreamObserver<Operation> response) {
    Model m = request.getModel();
    if (m.getDisplayName().isEmpty()
        || m.getContainerSpec().getImageUri().isEmpty()
        || !m.getArtifactUri().startsWith("gs://")) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription(
                  "a model needs a display name, a container image and a gs:// artifact")
              .asRuntimeException());
      return;
    }
    uploads.add(request);
    String name = request.getParent() + "/models/" + (7000 + uploads.size());
    response.onNext(
        Operation.newBuilder()
            .setName(name + "/operations/1")
            .setDone(true)
            .setMetadata(Any.pack(UploadModelOperationMetadata.getDefaultInstance()))
            .setResponse(
                Any.pack(
                    UploadModelResponse.newBuilder().setModel(name).setModelVersionId("1").build()))
            .build());
    response.onCompleted();
  }
}
