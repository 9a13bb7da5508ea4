package dev.tunebeam.trainer.report.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.Summary;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.HParamsPluginData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads event files back with the same protos, for the tests. */
final class EventFiles {
  private EventFiles() {}

  /** The one event file in {@code dir}. */
  static Path single(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> events =
          files.filter(p -> p.getFileName().toString().startsWith(EventFileName.PREFIX)).toList();
      assertEquals(1, events.size(), "event files in " + dir + ": " + events);
      return events.get(0);
    }
  }

  static List<Event> read(byte[] file) throws IOException {
    List<Event> events = new ArrayList<>();
    for (byte[] record : TfRecordReader.readAll(file)) {
      events.add(Event.parseFrom(record));
    }
    return events;
  }

  static List<Event> read(Path file) throws IOException {
    return read(Files.readAllBytes(file));
  }

  /** The plugin data of an hparams event, checked to be in TensorBoard's form. */
  static HParamsPluginData hparams(Event e, String tag) throws InvalidProtocolBufferException {
    assertEquals(1, e.getSummary().getValueCount());
    Summary.Value v = e.getSummary().getValue(0);
    assertEquals(tag, v.getTag());
    assertEquals(HParamsSummaries.PLUGIN_NAME, v.getMetadata().getPluginData().getPluginName());
    assertEquals(
        HParamsSummaries.NULL_TENSOR,
        v.getTensor(),
        "hparams values carry TensorBoard's empty float tensor");
    HParamsPluginData data =
        HParamsPluginData.parseFrom(v.getMetadata().getPluginData().getContent());
    assertEquals(0, data.getVersion());
    return data;
  }

  /** tag -> simple value of a scalars event, in order. */
  static java.util.Map<String, Float> scalars(Event e) {
    java.util.Map<String, Float> m = new java.util.LinkedHashMap<>();
    for (Summary.Value v : e.getSummary().getValueList()) {
      assertEquals(Summary.Value.ValueCase.SIMPLE_VALUE, v.getValueCase(), v.getTag());
      m.put(v.getTag(), v.getSimpleValue());
    }
    return m;
  }
}
