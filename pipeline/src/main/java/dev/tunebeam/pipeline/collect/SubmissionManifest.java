package dev.tunebeam.pipeline.collect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tunebeam.transforms.study.Objective;
import dev.tunebeam.transforms.study.Objectives;
import dev.tunebeam.transforms.study.Trial;
import dev.tunebeam.transforms.study.TrialResult;
import dev.tunebeam.transforms.vertex.VertexSubmission;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;

/**
 * What an asynchronous run ({@code --waitForCompletion=false}) leaves in {@code
 * OUTPUT/submissions.json} for the {@link CollectResults} command: every trial of the study, with
 * the Vertex AI job that runs it ({@code SUBMITTED}), or its settled outcome (local trials, and
 * trials Vertex refused), and the objective the study ranks by (absent in manifests written before
 * it was recorded), with every objective in {@code objectives} when there are several. Keys are
 * snake_case on disk.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionManifest(
    String study,
    String project,
    String region,
    String vertexOutput,
    Objective objective,
    List<Objective> objectives,
    List<Entry> trials)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String FILE_NAME = "submissions.json";
  public static final String SUBMITTED = "SUBMITTED";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public SubmissionManifest {
    objectives = objectives == null ? null : List.copyOf(objectives);
    trials = trials.stream().sorted(Comparator.comparing(Entry::trialId)).toList();
  }

  /** The objectives recorded: every one when there are several, else the one; null for none. */
  public Objectives recordedObjectives() {
    if (objectives != null && !objectives.isEmpty()) {
      return new Objectives(objectives);
    }
    return objective == null ? null : Objectives.of(objective);
  }

  /**
   * One trial: {@code status} is SUBMITTED (then {@code jobName} is set), SUCCEEDED, FAILED or
   * SKIPPED.
   */
  @DefaultCoder(SerializableCoder.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String trialId,
      Map<String, String> parameters,
      String backend,
      String status,
      String jobName,
      String location,
      String error)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Entry {
      parameters = new LinkedHashMap<>(parameters);
    }

    static Entry submitted(VertexSubmission s) {
      return new Entry(
          s.trial().id(),
          s.trial().parameters(),
          "vertex",
          SUBMITTED,
          s.jobName(),
          s.baseOutputDirectory(),
          null);
    }

    static Entry settled(TrialResult r) {
      return new Entry(
          r.trial().id(),
          r.trial().parameters(),
          r.backend(),
          r.status().name(),
          null,
          r.location(),
          r.error());
    }

    Trial trial(String study) {
      return new Trial(trialId, study, parameters);
    }
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the submission manifest", e);
    }
  }

  public static SubmissionManifest parse(String source, byte[] json) {
    try {
      SubmissionManifest m = JSON.readValue(json, SubmissionManifest.class);
      if (m.study() == null || m.trials() == null) {
        throw new IllegalArgumentException(
            source + " is not a submission manifest: it needs study and trials");
      }
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          source + " is not a valid submission manifest: " + e.getMessage(), e);
    }
  }

  /** {@code OUTPUT/submissions.json}, local or gs://. */
  public static SubmissionManifest read(String output) {
    String path = (output.endsWith("/") ? output : output + "/") + FILE_NAME;
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return parse(path, in.readAllBytes());
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw new IllegalArgumentException(
          "--output "
              + output
              + " has no "
              + FILE_NAME
              + "; run the pipeline with --waitForCompletion=false and the same --output first");
    } catch (IOException e) {
      throw new IllegalArgumentException(path + " cannot be read: " + e.getMessage(), e);
    }
  }
}
