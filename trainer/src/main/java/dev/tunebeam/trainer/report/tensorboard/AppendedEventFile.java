package dev.tunebeam.trainer.report.tensorboard;

import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local event file; each append is one write of whole records, so a reader sees no half record
 * for long.
 */
final class AppendedEventFile implements EventFile {
  private final Path file;

  AppendedEventFile(Path file) {
    this.file = file;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public void append(Event... events) throws IOException {
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    for (Event e : events) {
      TfRecordWriter.append(records, e.toByteArray());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(
        file,
        records.toByteArray(),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }
}
