package dev.tunebeam.transforms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunebeam.trainer.train.ConsoleProgress;
import dev.tunebeam.transforms.exec.Lane;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's hostile command trainers, each run as the local backend runs a contract trial ({@link
 * ProgramTrainer}): the ones that used to hang the study are tests with a timeout; the unbounded
 * inputs end as a bounded log or a FAILED row with one sentence.
 */
@Tag("integration")
class TrainerHangsAndBoundsTest {
  /** One report of val_accuracy 0.5 at step 1, as cloudml-hypertune writes it. */
  static final String REPORT =
      "echo '{\"timestamp\": 1.5, \"trial\": \"1\", \"val_accuracy\": \"0.5\", \"global_step\":"
          + " \"1\"}' > \"$CLOUD_ML_HP_METRIC_FILE\"; ";

  @TempDir Path out;
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  TrialResult train(String study, String script) throws Exception {
    return train(Trial.of(study, java.util.Map.of("num_epochs", "1")), script);
  }

  TrialResult train(Trial trial, String script) throws Exception {
    LocalSettings settings =
        TrainLocally.to(out.toString())
            .command(List.of("/bin/sh", "-c", script, "sh"))
            .withWorkers(1)
            // Far beyond the tests' own timeouts: the trial timeout is not what ends these.
            .withTimeout(Duration.ofMinutes(30))
            .settings();
    return new ProgramTrainer(settings, lane()).train(trial);
  }

  Lane lane() {
    return new Lane() {
      @Override
      public int index() {
        return 0;
      }

      @Override
      public void line(String line) {
        lines.add(line);
      }

      @Override
      public void count(String name, long n) {}
    };
  }

  String log(TrialResult r) throws Exception {
    return Files.readString(out.resolve("trials").resolve(r.trial().id()).resolve("trainer.log"));
  }

  static long pid(Path file) throws Exception {
    return Long.parseLong(Files.readString(file).trim());
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aChildLeftHoldingTheOutputEndsWithTheTrialInsteadOfHangingIt() throws Exception {
    Path pidFile = out.resolve("child.pid");
    // The trainer lives a moment longer than its child's start: the output is being read when it
    // exits (had it exited first, Java would have drained and closed the pipe on its own).
    TrialResult r =
        train(
            "orphan",
            REPORT + "sleep 300 & echo $! > '" + pidFile + "'; echo trained; sleep 1; exit 0");
    assertEquals("SUCCEEDED", r.status().name(), r.error());
    long child = pid(pidFile);
    ProcessHandle.of(child).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    assertFalse(alive(child), "the background sleep " + child + " was ended with the trial");
    String log = log(r);
    assertTrue(log.contains("trained"), log);
    assertTrue(
        log.contains(
            "exited with code 0 but left 1 process(es) holding its output open; they were ended"),
        log);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aDaemonWithItsOwnOutputDoesNotOutliveItsTrial() throws Exception {
    Path pidFile = out.resolve("daemon.pid");
    TrialResult r =
        train(
            "daemon",
            REPORT + "nohup sleep 300 >/dev/null 2>&1 & echo $! > '" + pidFile + "'; exit 0");
    assertEquals("SUCCEEDED", r.status().name(), r.error());
    long daemon = pid(pidFile);
    ProcessHandle.of(daemon).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    assertFalse(alive(daemon), "the detached sleep " + daemon + " was ended with the trial");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMetricFileThatIsAFifoIsAFailedRowNotAHang() throws Exception {
    TrialResult r =
        train("fifo", "rm -f \"$CLOUD_ML_HP_METRIC_FILE\"; mkfifo \"$CLOUD_ML_HP_METRIC_FILE\"");
    assertEquals("FAILED", r.status().name());
    assertTrue(
        r.error().startsWith("the trainer's metric file CLOUD_ML_HP_METRIC_FILE (")
            && r.error()
                .contains(") is a FIFO, not a regular file; write the reports to a regular"),
        r.error());
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMetricFileLinkedToDevZeroIsRefusedInsteadOfFillingTheHeap() throws Exception {
    TrialResult r = train("zero", "ln -sf /dev/zero \"$CLOUD_ML_HP_METRIC_FILE\"");
    assertEquals("FAILED", r.status().name());
    assertTrue(
        r.error().contains(") is a character device (a link to /dev/zero), not a regular file"),
        r.error());
  }

  @Test
  void aMetricFileOverItsBoundIsRefusedWithItsSize() throws Exception {
    TrialResult r = train("huge", "truncate -s 40M \"$CLOUD_ML_HP_METRIC_FILE\"");
    assertEquals("FAILED", r.status().name());
    assertTrue(
        r.error().contains(") holds 40.0 MiB, more than 32.0 MiB; report once per epoch"),
        r.error());
  }

  @Test
  void fiftyMegabytesWithoutANewlineKeepOneBoundedLine() throws Exception {
    TrialResult r =
        train("longline", REPORT + "head -c 50000000 /dev/zero | tr '\\0' a; echo; echo done");
    assertEquals("SUCCEEDED", r.status().name(), r.error());
    Path log = out.resolve("trials").resolve(r.trial().id()).resolve("trainer.log");
    assertTrue(Files.size(log) < TrialLog.MAX_BYTES, "trainer.log is " + Files.size(log));
    String text = Files.readString(log);
    assertTrue(
        text.contains("[tunebeam: 49,934,464 more characters of this line not kept"),
        text.substring(Math.max(0, text.length() - 300)));
    assertTrue(text.endsWith("done\n"), "the lines after it are kept");
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMetricFileOfAQuarterMillionStepsPrintsAFewProgressLines() throws Exception {
    // 237,177 reports, one per batch, as in the issue: about 20 MB.
    String python =
        "import json,os\n"
            + "with open(os.environ['CLOUD_ML_HP_METRIC_FILE'],'w') as f:\n"
            + "  for i in range(1, 237178):\n"
            + "    f.write(json.dumps({'timestamp': 1.0, 'trial': '1', 'val_accuracy':"
            + " str(i / 237177), 'global_step': str(i)}) + '\\n')\n";
    Files.writeString(out.resolve("steps.py"), python);
    TrialResult r = train("steps", "python3 '" + out.resolve("steps.py") + "'");
    assertEquals("SUCCEEDED", r.status().name(), r.error());
    assertEquals(237177, r.epochs(), "the result keeps every step");
    long progress =
        lines.stream().filter(l -> l.startsWith(ConsoleProgress.PROGRESS_PREFIX)).count();
    assertTrue(progress >= 2 && progress <= 10, progress + " progress lines");
    assertTrue(
        lines.get(lines.size() - 1).contains("\"epoch\":237177,\"epochs\":1"),
        "the last step is shown: " + lines.get(lines.size() - 1));
    assertTrue(
        log(r).contains("[tunebeam: the trainer reported 237,177 steps for 1 planned epochs;"));
  }
}
