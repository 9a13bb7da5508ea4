package dev.tunebeam.transforms.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunebeam.transforms.results.HtmlReport;
import dev.tunebeam.transforms.results.Leaderboard;
import dev.tunebeam.transforms.results.LeaderboardFormats;
import dev.tunebeam.transforms.results.WriteLeaderboard;
import dev.tunebeam.transforms.run.StudyRun;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.study.TrialStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's results files rewritten while it runs ({@link StudyRun#withLiveResults}): every trial the
 * lanes know of, finished ones ranked by the objective as the final leaderboard ranks them, the
 * others as RUNNING or QUEUED rows, through the same writers as the final files and each file
 * replaced atomically. Rewrites happen on a thread of their own, at most one at a time, at least
 * {@link #MIN_INTERVAL_MILLIS} apart and {@link #IDLE_FACTOR} times as long apart as the last one
 * took, so they cost at most a twentieth of one core however many trials there are (rewriting every
 * second cost a core with 2,000 trials), and lanes never wait for them; {@link #flush()} writes the
 * latest state before a stage's results leave it. A failed rewrite is logged once and the study
 * goes on.
 */
final class LiveResults implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecuteTrials.class);
  static final long MIN_INTERVAL_MILLIS = 1000;
  static final long IDLE_FACTOR = 19;

  private final StudyRun run;
  private final ResultsGate gate;
  private final Object writing = new Object();
  private final Map<String, TrialResult> rows = new LinkedHashMap<>();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tunebeam-live-results");
            t.setDaemon(true);
            return t;
          });
  private long version;
  private long written;
  private boolean scheduled;
  private long lastWriteMillis;
  private boolean warned;

  private LiveResults(StudyRun run) {
    this.run = run;
    this.gate = ResultsGate.of(run);
  }

  /** The live results of {@code run} in this JVM, when it asked for them. */
  static Optional<LiveResults> of(StudyRun run) {
    if (run.liveDirectory() == null) {
      return Optional.empty();
    }
    return Optional.of(
        run.state().part("exec.live", LiveResults.class, () -> new LiveResults(run)));
  }

  /** Trials a stage queued. */
  void queued(List<Trial> trials, String backend) {
    update(trials, backend, TrialStatus.QUEUED);
  }

  /** Trials a lane took. */
  void running(List<Trial> trials, String backend) {
    update(trials, backend, TrialStatus.RUNNING);
  }

  /** A trial's result, from a lane or settled before running. */
  synchronized void finished(TrialResult r) {
    rows.put(r.trial().id(), r);
    changed();
  }

  private synchronized void update(List<Trial> trials, String backend, TrialStatus status) {
    for (Trial t : trials) {
      rows.put(t.id(), placeholder(t, backend, status));
    }
    changed();
  }

  static TrialResult placeholder(Trial t, String backend, TrialStatus status) {
    return TrialResult.skipped(t, backend, null).withStatus(status);
  }

  private void changed() {
    version++;
    if (!scheduled) {
      scheduled = true;
      long delay = Math.max(MIN_INTERVAL_MILLIS, IDLE_FACTOR * lastWriteMillis);
      writer.schedule(this::writeInBackground, delay, TimeUnit.MILLISECONDS);
    }
  }

  private void writeInBackground() {
    synchronized (this) {
      scheduled = false;
    }
    write();
  }

  /** Writes the latest state now unless it was written already; waits for a rewrite under way. */
  void flush() {
    write();
  }

  private void write() {
    synchronized (writing) {
      writeLatest();
    }
  }

  private void writeLatest() {
    List<TrialResult> snapshot;
    long v;
    synchronized (this) {
      if (version == written) {
        return;
      }
      snapshot = new ArrayList<>(rows.values());
      v = version;
    }
    long start = System.nanoTime();
    try {
      gate.live(() -> writeFiles(snapshot));
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        if (!warned) {
          warned = true;
          LOG.warn(
              "cannot rewrite the results in {} while the study runs ({}); the final files are"
                  + " written at the end",
              run.liveDirectory(),
              e.getMessage());
        }
      }
    }
    synchronized (this) {
      written = Math.max(written, v);
      lastWriteMillis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  private void writeFiles(List<TrialResult> all) throws IOException {
    Leaderboard board = Leaderboard.rank(all, run.objectives());
    String dir = run.liveDirectory();
    long running = all.stream().filter(r -> r.status() == TrialStatus.RUNNING).count();
    long queued = all.stream().filter(r -> r.status() == TrialStatus.QUEUED).count();
    Consumer<ObjectNode> figures = RunFiguresJson.unfinished(running, queued);
    if (run.utilisation().availableCoreSeconds() > 0) {
      figures = figures.andThen(RunFiguresJson.utilisation(run.utilisation()));
    }
    byte[] json = LeaderboardFormats.json(board, run.study(), figures);
    // The report first and the CSV last: a reader that sees a new CSV finds the rest as new.
    WriteLeaderboard.writeAtomically(
        dir, HtmlReport.FILE_NAME, HtmlReport.render(board, run.study(), dir));
    WriteLeaderboard.writeAtomically(
        dir, "results.md", LeaderboardFormats.markdown(board, run.study()));
    WriteLeaderboard.writeAtomically(dir, "results.json", json);
    WriteLeaderboard.writeAtomically(dir, "results.csv", LeaderboardFormats.csv(board));
  }

  @Override
  public void close() {
    writer.shutdownNow();
  }
}
