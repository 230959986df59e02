package dev.lambdasim.run;

import dev.lambdasim.metrics.ScalingAction;
import java.util.List;

/**
 * A function's provisioned concurrency over the measured window.
 *
 * @param configuredGbSeconds configured GB-seconds as billed (5-minute windows)
 * @param utilisationMean     busy ÷ ready provisioned environments, time-weighted (NaN if none)
 * @param utilisationMax      the largest busy ÷ ready seen
 * @param scalingActions      how many times the configured value changed
 * @param actions             the changes, the first 1,000 of them
 */
public record ProvisionedSummary(double configuredGbSeconds, double utilisationMean,
    double utilisationMax, long scalingActions, List<ScalingAction> actions) {

  public ProvisionedSummary {
    actions = List.copyOf(actions);
  }
}
