package dev.tunebeam.transforms.local;

import java.util.Map;

/**
 * The C allocator settings a trainer JVM starts with, so that a warm worker keeps the native memory
 * it frees instead of handing it back to the kernel and faulting it in again.
 *
 * <p>Why (issue 21, measured with {@code strace} and page-fault counts): PyTorch allocates each
 * step's tensors with {@code malloc}. The training thread is not the process's first thread, so
 * glibc serves it from an arena of 64 MiB heaps. When what earlier jobs left there (live or
 * fragmented) keeps a step from fitting, glibc maps a new heap for it ({@code mmap} 128 MiB, {@code
 * mprotect}) and, as soon as the step frees its tensors, unmaps the emptied heap again ({@code
 * munmap} 64 MiB): in one warm worker here, 740 such cycles in 10 s of one batch-128 job, against 5
 * system calls in a worker with these settings at the same moment. Every cycle touches fresh pages:
 * 780,000 page faults an epoch of 20,000 images at batch 128 (about 17,000 in a fresh JVM, none
 * with these settings) and 1.6x the CPU seconds, all in the one busy thread; forcing the churn on
 * every block cost 2.2x. Whether a worker falls into it depends on what its arena holds, so it
 * strikes some warm workers and not others, and the largest batches hardest.
 *
 * <p>The settings turn glibc's adaptive thresholds into fixed ones: a heap that empties stays
 * mapped ({@code MALLOC_TOP_PAD_} of a whole heap), the top of a heap is never trimmed ({@code
 * MALLOC_TRIM_THRESHOLD_}), and blocks up to 32 MiB (the largest glibc accepts) come from the arena
 * rather than from a mapping of their own ({@code MALLOC_MMAP_THRESHOLD_}). A worker's native
 * memory then stays at its high-water mark, which is what a warm worker is for. Values the user set
 * win; other C libraries ignore the names.
 */
final class WorkerMemory {
  /** The variables and values added to a worker's environment. */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "MALLOC_TOP_PAD_", String.valueOf(64L << 20),
          "MALLOC_TRIM_THRESHOLD_", String.valueOf(1L << 40),
          "MALLOC_MMAP_THRESHOLD_", String.valueOf(32L << 20));

  private WorkerMemory() {}

  /** Adds the settings to {@code environment} where it does not set them already. */
  static void applyTo(Map<String, String> environment) {
    ENVIRONMENT.forEach(environment::putIfAbsent);
  }
}
