package dev.tunebeam.trainer.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.train.TrainingCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A training's state in its checkpoint folder as {@code checkpoint.bin}: a versioned binary file
 * (weights and optimizer state as float32, exact), beside a human-readable {@code checkpoint.json}
 * naming its epoch and the last weights as {@code model.npz}.
 */
public final class CheckpointFile {
  public static final String FILE_NAME = "checkpoint.bin";
  private static final int MAGIC = 0x54424350; // "TBCP"
  private static final int VERSION = 1;

  /**
   * Bounds a corrupt length field before it allocates: LeNet-5 has 61,706 weights; any tensor here
   * is that size.
   */
  private static final int MAX_FLOATS = 1 << 24;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointFile() {}

  public static byte[] encode(TrainingCheckpoint c) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      writeBytes(out, c.config().getBytes(StandardCharsets.UTF_8));
      out.writeInt(c.epoch());
      writeFloats(out, c.parameters());
      out.writeInt(c.optimizerState().size());
      for (float[] s : c.optimizerState()) {
        writeFloats(out, s);
      }
      out.writeInt(c.optimizerSteps());
      writeBytes(out, c.shuffleState());
      writeBytes(out, JSON.writeValueAsBytes(c.history()));
    }
    return bytes.toByteArray();
  }

  /**
   * The checkpoint in {@code store}, if there is one; IllegalArgumentException names the folder
   * when it cannot be read.
   */
  public static Optional<TrainingCheckpoint> read(ArtifactStore store) throws IOException {
    Optional<byte[]> bytes = store.read(FILE_NAME);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(decode(bytes.get()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the checkpoint "
              + store.location()
              + "/"
              + FILE_NAME
              + " cannot be read ("
              + e.getMessage()
              + "); remove it to train from scratch");
    }
  }

  static TrainingCheckpoint decode(byte[] content) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a tunebeam checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("version " + version + " is not " + VERSION);
      }
      String config = new String(readBytes(in), StandardCharsets.UTF_8);
      int epoch = in.readInt();
      float[] parameters = readFloats(in);
      int states = in.readInt();
      if (states < 0 || states > 8) {
        throw new IOException("it declares " + states + " optimizer state tensors");
      }
      List<float[]> optimizerState = new ArrayList<>();
      for (int i = 0; i < states; i++) {
        optimizerState.add(readFloats(in));
      }
      int steps = in.readInt();
      byte[] shuffle = readBytes(in);
      List<EpochRecord> history =
          JSON.readValue(readBytes(in), new TypeReference<List<EpochRecord>>() {});
      return new TrainingCheckpoint(
          config, epoch, parameters, optimizerState, steps, shuffle, history);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_FLOATS) {
      throw new IOException("it declares " + n + " values in one tensor");
    }
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("it declares " + n + " bytes where " + in.available() + " are left");
    }
    return in.readNBytes(n);
  }
}
