package dev.tunebeam.transforms.local;

import java.util.Map;

/**
 * The C allocator settings a trainer JVM starts with, so that a warm worker keeps the native memory
 * it frees instead of handing it back to the kernel and faulting it in again.
 *
 * <p>Why (issue 21, measured with {@code strace} and per-epoch page faults): PyTorch allocates each
 * step's tensors with {@code malloc}. The training thread is not the process's first thread, so
 * glibc serves it from a per-thread arena made of 64 MiB heaps. Once earlier jobs have filled and
 * fragmented the arena's heaps, a batch-128 step no longer fits: glibc maps a new heap for it
 * ({@code mmap} 128 MiB, {@code mprotect}), and when the step frees its tensors the emptied heap is
 * unmapped again ({@code munmap} 64 MiB), step after step. Every step then touches 10 to 20 MiB of
 * fresh pages: 780,000 page faults an epoch of 20,000 images against 15,000 in a fresh JVM, and
 * 1.6x the CPU seconds, more where page faults cost more (a VM whose freed pages go back to the
 * host: the 5x of the reference study). Whether it happens depends on what earlier jobs left in the
 * arena, which is why only warm workers, only some jobs and only the largest batches slowed down.
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
