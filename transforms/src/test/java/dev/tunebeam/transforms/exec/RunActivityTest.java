package dev.tunebeam.transforms.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stage that ends while another stage of the run trains holds its runner thread until the run is
 * quiet; the last stage to end never holds.
 */
class RunActivityTest {
  @Test
  void aStageThatEndsFirstWaitsForTheOthersAndTheNextRungThatFollowsThem() throws Exception {
    RunActivity activity = new RunActivity(System::nanoTime);
    activity.stageStarted(); // bracket A
    activity.stageStarted(); // bracket B
    assertTrue(activity.stageEnded(), "A ends while B trains: it holds");
    CompletableFuture<Void> held =
        CompletableFuture.runAsync(
            () -> {
              try {
                activity.awaitQuiet(Duration.ofMillis(300));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertFalse(held.isDone(), "B still trains");
    assertFalse(activity.stageEnded(), "B ends last: it does not hold");
    activity.stageStarted(); // B's next rung starts within the grace
    Thread.sleep(500);
    assertFalse(held.isDone(), "B's next rung trains: A still holds");
    activity.stageEnded();
    held.get(10, TimeUnit.SECONDS);
  }
}
