package dev.tunebeam.pipeline.plan;

import dev.tunebeam.transforms.dispatch.Backend;
import dev.tunebeam.transforms.dispatch.BackendRule;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.construction.resources.PipelineResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Dataflow job stages. Beam stages the whole classpath, which carries PyTorch's CPU natives
 * (~110 MB compressed, plus ~5 MB of JNI libraries) that only a worker that trains needs. When no
 * trial goes to the local backend they are left out: loose {@code pytorch-native-*} and {@code
 * pytorch-jni-*} jars are dropped, and a shaded jar that bundles them is swapped for {@value
 * #LEAN_JAR}, which the build writes beside it. An explicit {@code --filesToStage} is left alone.
 *
 * <p>This must run before {@code Pipeline.create}: the DataflowRunner fills in {@code filesToStage}
 * when it is first created, after which a default cannot be told from a choice.
 */
public final class DataflowStaging {
  /** The pipeline jar without PyTorch's natives; pipeline/pom.xml builds it beside tunebeam.jar. */
  static final String LEAN_JAR = "tunebeam-orchestrator.jar";

  /** Present in every jar that bundles DJL's PyTorch native library. */
  static final String NATIVES_MARKER = "native/lib/pytorch.properties";

  private static final Logger LOG = LoggerFactory.getLogger(DataflowStaging.class);

  private DataflowStaging() {}

  public static void configure(PipelineOptions options, BackendRule rule) {
    if (!DataflowRunner.class.isAssignableFrom(options.getRunner())) {
      return;
    }
    DataflowPipelineOptions dataflow = options.as(DataflowPipelineOptions.class);
    if (dataflow.getFilesToStage() != null || rule.targets().contains(Backend.LOCAL)) {
      return;
    }
    List<String> classpath =
        PipelineResources.detectClassPathResourcesToStage(
            DataflowRunner.class.getClassLoader(), options);
    dataflow.setFilesToStage(withoutNatives(classpath));
  }

  /**
   * The classpath an orchestrating worker needs: the same entries without PyTorch's native code.
   */
  static List<String> withoutNatives(List<String> classpath) {
    List<String> staged = new ArrayList<>();
    for (String entry : classpath) {
      File file = new File(entry);
      String name = file.getName();
      if (name.startsWith("pytorch-native-") || name.startsWith("pytorch-jni-")) {
        continue;
      }
      if (file.isFile() && bundlesNatives(file)) {
        File lean = new File(file.getAbsoluteFile().getParentFile(), LEAN_JAR);
        if (lean.isFile()) {
          staged.add(lean.getPath());
          continue;
        }
        // Staging the full jar still works; it only costs upload time and worker start-up.
        LOG.warn(
            "{} bundles PyTorch's natives and no {} is beside it, so Dataflow stages all {} MB of it; build both jars with "
                + "'mvn -pl pipeline -am package', or pass --filesToStage=PATH/{}",
            file,
            LEAN_JAR,
            file.length() >> 20,
            LEAN_JAR);
      }
      staged.add(entry);
    }
    return staged;
  }

  private static boolean bundlesNatives(File jar) {
    try (ZipFile zip = new ZipFile(jar)) {
      return zip.getEntry(NATIVES_MARKER) != null;
    } catch (IOException e) {
      return false;
    }
  }
}
