package dev.tunebeam.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunebeam.trainer.report.RedactedConsole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's long-lived local worker: one JVM that trains job after job, so the engine, the
 * JIT-compiled training loop and the data stay loaded between the groups and rungs of a lane. Each
 * stdin line is one job, {@code {"id": "...", "args": ["--group", FILE, ...]}}, run exactly as
 * {@link TrainerMain} runs those arguments (outcome file included); its end is the line
 * {@code @worker-done ID CODE} on stdout. End of stdin ends the worker.
 *
 * <p>A job {@code {"id": "...", "warm": {"data_dir": DIR, "threads": N}}} trains nothing: it loads
 * the engine and parses the data ({@link WorkerWarmUp}) so that a worker started before its first
 * group has paid its start-up by then. Its code is 0, or 1 when the warm-up failed (the worker
 * stays usable; the first real job reports the problem).
 */
public final class TrainerWorker {
  /** What starts the line that ends a job. */
  public static final String DONE = "@worker-done ";

  private TrainerWorker() {}

  public static void main(String[] args) throws IOException {
    RedactedConsole.install();
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    ParentWatch.exitWhenParentDies();
    System.exit(
        serve(
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.getenv(),
            System.out,
            System.err));
  }

  static int serve(BufferedReader jobs, Map<String, String> env, PrintStream out, PrintStream err)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line = jobs.readLine(); line != null; line = jobs.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode job = json.readTree(line);
      if (job.has("warm")) {
        int code = warmUp(job.path("warm"), err);
        out.println(DONE + job.path("id").asText() + " " + code);
        out.flush();
        continue;
      }
      List<String> jobArgs = new ArrayList<>();
      job.path("args").forEach(a -> jobArgs.add(a.asText()));
      int code = TrainerMain.run(jobArgs, env, out, err);
      // stderr first: the parent stops reading this job's lines at the marker.
      err.flush();
      out.println(DONE + job.path("id").asText() + " " + code);
      out.flush();
    }
    return 0;
  }

  private static int warmUp(JsonNode warm, PrintStream err) {
    try {
      WorkerWarmUp.run(warm.path("data_dir").asText(null), warm.path("threads").asInt(0));
      return 0;
    } catch (Exception | LinkageError e) {
      err.println("warm-up skipped: " + e);
      err.flush();
      return 1;
    }
  }
}
