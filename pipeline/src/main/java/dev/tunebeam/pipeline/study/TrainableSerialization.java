package dev.tunebeam.pipeline.study;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * A {@code Trainable} is serialized into every trial's worker JVM (and by Beam into the pipeline's
 * functions), so a field that cannot be serialized fails the run late, in Beam's words ({@code
 * unable to serialize DoFnWithExecutionInformation{...}}). Serializing it once before anything runs
 * turns that into one sentence naming the field's type and the fix.
 */
final class TrainableSerialization {
  private TrainableSerialization() {}

  static void check(String name, Object trainable) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(trainable);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + " cannot be serialized: it holds a "
              + e.getMessage()
              + ", which is not Serializable; mark that field transient and create its value in"
              + " train(), or make its class Serializable");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--trainerClass "
              + name
              + " cannot be serialized ("
              + TrainerChoice.describe(e)
              + "); every field of a Trainable must be Serializable, or transient and created in"
              + " train()");
    }
  }
}
