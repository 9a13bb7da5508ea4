package dev.tunebeam.trainer.report.tensorboard;

import dev.tunebeam.trainer.report.tensorboard.proto.Event;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.SessionStartInfo;
import dev.tunebeam.trainer.report.tensorboard.proto.hparams.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@link EventFiles} for tests in other packages. */
public final class TensorBoardTestAccess {
  private TensorBoardTestAccess() {}

  public static Path singleEventFile(Path dir) throws IOException {
    return EventFiles.single(dir);
  }

  public static List<Event> read(Path file) throws IOException {
    return EventFiles.read(file);
  }

  public static SessionStartInfo sessionStart(Event e) throws IOException {
    return EventFiles.hparams(e, HParamsSummaries.SESSION_START_INFO_TAG).getSessionStartInfo();
  }

  public static Status sessionEndStatus(Event e) throws IOException {
    return EventFiles.hparams(e, HParamsSummaries.SESSION_END_INFO_TAG)
        .getSessionEndInfo()
        .getStatus();
  }

  public static Map<String, Float> scalars(Event e) {
    return EventFiles.scalars(e);
  }
}
