package dev.tunebeam.transforms.vertex;

import com.google.cloud.aiplatform.v1.AddContextChildrenRequest;
import com.google.cloud.aiplatform.v1.AddContextChildrenResponse;
import com.google.cloud.aiplatform.v1.Context;
import com.google.cloud.aiplatform.v1.CreateContextRequest;
import com.google.cloud.aiplatform.v1.GetContextRequest;
import com.google.cloud.aiplatform.v1.MetadataServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vertex AI's Metadata service as Experiments use it: contexts by id, ALREADY_EXISTS on a second
 * create, and parent/child links.
 */
public final class FakeMetadataService extends MetadataServiceGrpc.MetadataServiceImplBase {
  private final Map<String, Context> contexts = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new LinkedHashMap<>();
  private int creates;

  public synchronized Map<String, Context> contexts() {
    return new LinkedHashMap<>(contexts);
  }

  public synchronized List<String> children(String parent) {
    return List.copyOf(children.getOrDefault(parent, List.of()));
  }

  public synchronized int creates() {
    return creates;
  }

  @Override
  public synchronized void createContext(
      CreateContextRequest request, StreamObserver<Context> response) {
    creates++;
    if (!request.getParent().matches("projects/[^/]+/locations/[^/]+/metadataStores/[^/]+")) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("bad parent " + request.getParent())
              .asRuntimeException());
      return;
    }
    if (!request.getContextId().matches("[a-z0-9][a-z0-9-]{0,127}")) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("bad context id " + request.getContextId())
              .asRuntimeException());
      return;
    }
    String name = request.getParent() + "/contexts/" + request.getContextId();
    if (contexts.containsKey(name)) {
      response.onError(
          Status.ALREADY_EXISTS.withDescription(name + " already exists").asRuntimeException());
      return;
    }
    Context c = request.getContext().toBuilder().setName(name).build();
    contexts.put(name, c);
    response.onNext(c);
    response.onCompleted();
  }

  @Override
  public synchronized void getContext(GetContextRequest request, StreamObserver<Context> response) {
    Context c = contexts.get(request.getName());
    if (c == null) {
      response.onError(Status.NOT_FOUND.withDescription(request.getName()).asRuntimeException());
      return;
    }
    response.onNext(c);
    response.onCompleted();
  }

  @Override
  public synchronized void addContextChildren(
      AddContextChildrenRequest request, StreamObserver<AddContextChildrenResponse> response) {
    if (!contexts.containsKey(request.getContext())) {
      response.onError(Status.NOT_FOUND.withDescription(request.getContext()).asRuntimeException());
      return;
    }
    for (String child : request.getChildContextsList()) {
      if (!contexts.containsKey(child)) {
        response.onError(Status.NOT_FOUND.withDescription(child).asRuntimeException());
        return;
      }
      List<String> list = children.computeIfAbsent(request.getContext(), k -> new ArrayList<>());
      if (!list.contains(child)) {
        list.add(child);
      }
    }
    response.onNext(AddContextChildrenResponse.getDefaultInstance());
    response.onCompleted();
  }
}
