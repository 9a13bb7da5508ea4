package dev.tunebeam.trainer.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tunebeam.trainer.model.LeNetLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A trained model's weights as {@code model.npz}: one named array per LeNet-5 tensor, readable by
 * {@code numpy.load} and by DJL's {@code NDList.decode}. Dense weights are {@code [in, out]}.
 */
public final class ModelFile {
  public static final String FILE_NAME = "model.npz";

  private ModelFile() {}

  public static byte[] encode(float[] flat, NDManager manager) throws IOException {
    if (flat.length != LeNetLayout.SIZE) {
      throw new IllegalArgumentException(
          "expected " + LeNetLayout.SIZE + " parameters, got " + flat.length);
    }
    try (NDManager scope = manager.newSubManager()) {
      NDList list = new NDList();
      for (LeNetLayout.Tensor t : LeNetLayout.TENSORS) {
        NDArray a =
            scope.create(Arrays.copyOfRange(flat, t.offset(), t.end()), new Shape(t.shape()));
        a.setName(t.name());
        list.add(a);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.encode(out, NDList.Encoding.NPZ);
      return out.toByteArray();
    }
  }
}
