package dev.tunebeam.transforms.search.replay;

import dev.tunebeam.transforms.space.AlgorithmSettings;
import org.apache.beam.sdk.annotations.Internal;

/**
 * One algorithm's replays over several seeds: in how many it found a trial within the tolerance of
 * the recorded best, the medians of what that cost (trials started, model-epochs, recorded seconds;
 * infinite when fewer than half the seeds found one), the median best value within the budget, and
 * the median of what the whole study trains.
 */
@Internal
public record AlgorithmFigures(
    AlgorithmSettings settings,
    int seeds,
    int found,
    double trialsToTarget,
    double modelEpochsToTarget,
    double secondsToTarget,
    double bestWithinBudget,
    double trials,
    double modelEpochs) {}
