package dev.lambdasim.metrics;

/**
 * A change of a function's configured provisioned concurrency.
 *
 * @param timeNanos when it was configured
 * @param from      the value before
 * @param to        the value after
 * @param reason    what decided it (a scheduled action, the auto scaler's alarm, ...)
 */
public record ScalingAction(long timeNanos, int from, int to, String reason) {}
