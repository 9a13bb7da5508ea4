package dev.tunebeam.trainer.report.tensorboard;

import dev.tunebeam.trainer.report.ArtifactStore;
import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * An event file in a store that only replaces whole files (GCS): every record so far is kept in
 * memory (a few hundred bytes an epoch) and the file is written again on each append.
 */
final class RewrittenEventFile implements EventFile {
  private final ArtifactStore store;
  private final String name;
  private final ByteArrayOutputStream content = new ByteArrayOutputStream();

  RewrittenEventFile(ArtifactStore store, String name) {
    this.store = store;
    this.name = name;
  }

  @Override
  public String location() {
    return store.location() + "/" + name;
  }

  @Override
  public void append(Event... events) throws IOException {
    for (Event e : events) {
      TfRecordWriter.append(content, e.toByteArray());
    }
    store.write(name, content.toByteArray());
  }
}
