package dev.tunebeam.pipeline.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which classpath entries an orchestration-only Dataflow job stages. */
class DataflowStagingTest {
  private static Path jar(Path file, String... entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String e : entries) {
        zip.putNextEntry(new ZipEntry(e));
        zip.write(1);
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void looseNativeJarsAreDroppedAndEverythingElseKeptInOrder(@TempDir Path m2) throws IOException {
    String classes = m2.resolve("classes").toString();
    String beam =
        jar(m2.resolve("beam-sdks-java-core-2.73.0.jar"), "org/apache/beam/A.class").toString();
    String natives =
        jar(m2.resolve("pytorch-native-cpu-2.7.1-linux-x86_64.jar"), DataflowStaging.NATIVES_MARKER)
            .toString();
    String jni =
        jar(m2.resolve("pytorch-jni-2.7.1-0.36.0.jar"), "jnilib/pytorch.properties").toString();
    String engine =
        jar(m2.resolve("pytorch-engine-0.36.0.jar"), "ai/djl/pytorch/engine/PtEngine.class")
            .toString();

    assertEquals(
        List.of(classes, beam, engine),
        DataflowStaging.withoutNatives(List.of(classes, beam, natives, jni, engine)));
  }

  @Test
  void aShadedJarWithNativesIsSwappedForTheLeanJarBesideIt(@TempDir Path target)
      throws IOException {
    String fat =
        jar(target.resolve("tunebeam.jar"), "dev/tunebeam/X.class", DataflowStaging.NATIVES_MARKER)
            .toString();
    Path lean = jar(target.resolve(DataflowStaging.LEAN_JAR), "dev/tunebeam/X.class");

    assertEquals(List.of(lean.toString()), DataflowStaging.withoutNatives(List.of(fat)));
  }

  @Test
  void aShadedJarWithNativesAndNoLeanJarIsStagedAsItIs(@TempDir Path elsewhere) throws IOException {
    String fat =
        jar(
                elsewhere.resolve("copied/tunebeam.jar"),
                "dev/tunebeam/X.class",
                DataflowStaging.NATIVES_MARKER)
            .toString();
    String plain = jar(elsewhere.resolve("other.jar"), "dev/tunebeam/Y.class").toString();

    assertEquals(List.of(fat, plain), DataflowStaging.withoutNatives(List.of(fat, plain)));
  }

  @Test
  void onlyDataflowRunsThatTrainNothingLocallyAreTouched() {
    DataflowPipelineOptions direct =
        PipelineOptionsFactory.fromArgs("--project=p").as(DataflowPipelineOptions.class);
    DataflowStaging.configure(direct, BackendRule.all(Backend.VERTEX));
    assertNull(direct.getFilesToStage(), "DirectRunner stages nothing");

    DataflowPipelineOptions local =
        PipelineOptionsFactory.fromArgs("--runner=DataflowRunner")
            .as(DataflowPipelineOptions.class);
    DataflowStaging.configure(local, BackendRule.all(Backend.LOCAL));
    assertNull(
        local.getFilesToStage(), "workers that train keep Beam's default, the whole classpath");

    DataflowPipelineOptions chosen =
        PipelineOptionsFactory.fromArgs("--runner=DataflowRunner", "--filesToStage=/a.jar,/b.jar")
            .as(DataflowPipelineOptions.class);
    DataflowStaging.configure(chosen, BackendRule.all(Backend.VERTEX));
    assertEquals(List.of("/a.jar", "/b.jar"), chosen.getFilesToStage());
  }
}
