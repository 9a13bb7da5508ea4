package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.CreateTensorboardOperationMetadata;
import com.google.cloud.aiplatform.v1.CreateTensorboardRequest;
import com.google.cloud.aiplatform.v1.GetTensorboardRequest;
import com.google.cloud.aiplatform.v1.ListTensorboardsRequest;
import com.google.cloud.aiplatform.v1.ListTensorboardsResponse;
import com.google.cloud.aiplatform.v1.Tensorboard;
import com.google.cloud.aiplatform.v1.TensorboardServiceGrpc;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vertex AI's Tensorboard service: instances listed by a display_name filter, created by a
 * long-running operation that is done at once.
 */
public final class FakeTensorboardService
    extends TensorboardServiceGrpc.TensorboardServiceImplBase {
  private static final Pattern DISPLAY_NAME = Pattern.compile("display_name=\"([^\"]*)\"");
  private final List<Tensorboard> tensorboards = new ArrayList<>();
  private int creates;

  public synchronized List<Tensorboard> tensorboards() {
    return List.copyOf(tensorboards);
  }

  public synchronized int creates() {
    return creates;
  }

  public synchronized Tensorboard add(String parent, String displayName) {
    Tensorboard t =
        Tensorboard.newBuilder()
            .setName(parent + "/tensorboards/" + (1000 + tensorboards.size()))
            .setDisplayName(displayName)
            .build();
    tensorboards.add(t);
    return t;
  }

  @Override
  public synchronized void listTensorboards(
      ListTensorboardsRequest request, StreamObserver<ListTensorboardsResponse> response) {
    Matcher m = DISPLAY_NAME.matcher(request.getFilter());
    String wanted = m.find() ? m.group(1) : null;
    ListTensorboardsResponse.Builder b = ListTensorboardsResponse.newBuilder();
    tensorboards.stream()
        .filter(t -> t.getName().startsWith(request.getParent() + "/"))
        .filter(t -> wanted == null || t.getDisplayName().equals(wanted))
        .forEach(b::addTensorboards);
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public synchronized void getTensorboard(
      GetTensorboardRequest request, StreamObserver<Tensorboard> response) {
    for (Tensorboard t : tensorboards) {
      if (t.getName().equals(request.getName())) {
        response.onNext(t);
        response.onCompleted();
        return;
      }
    }
    response.onError(Status.NOT_FOUND.withDescription(request.getName()).asRuntimeException());
  }

  @Override
  public synchronized void createTensorboard(
      CreateTensorboardRequest request, StreamObserver<Operation> response) {
    creates++;
    Tensorboard t = add(request.getParent(), request.getTensorboard().getDisplayName());
    response.onNext(
        Operation.newBuilder()
            .setName(request.getParent() + "/operations/tb-" + creates)
            .setDone(true)
            .setMetadata(Any.pack(CreateTensorboardOperationMetadata.getDefaultInstance()))
            .setResponse(Any.pack(t))
            .build());
    response.onCompleted();
  }
}
