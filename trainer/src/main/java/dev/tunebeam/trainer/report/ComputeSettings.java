package dev.tunebeam.trainer.report;

import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the engine computed, for metrics.json: PyTorch's intra- and inter-op thread counts and the
 * settings that decide whether a rerun gives the same numbers. DJL exposes no switch for {@code
 * torch.use_deterministic_algorithms}, so it stays PyTorch's default (off); on the CPU the kernels
 * tunebeam uses are deterministic for a fixed thread count.
 */
public record ComputeSettings(int threads, int interopThreads, Map<String, String> determinism) {

  public static ComputeSettings current() {
    Map<String, String> d = new TreeMap<>();
    d.put("cudnn_benchmark", System.getProperty("ai.djl.pytorch.cudnn_benchmark", "false"));
    d.put("deterministic_algorithms", "false (PyTorch default; DJL has no switch)");
    d.put("graph_executor_optimize", System.getProperty("ai.djl.pytorch.graph_optimizer", "true"));
    d.put("shuffle", "java.util.Random(seed), one permutation per epoch");
    return new ComputeSettings(JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), d);
  }
}
