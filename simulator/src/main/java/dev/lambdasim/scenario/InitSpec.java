package dev.lambdasim.scenario;

/**
 * The cold-start (Init phase) of a function.
 *
 * @param duration init time at the function's reference memory
 * @param cpuBound share of init time that scales with CPU (0..1)
 */
public record InitSpec(DistributionSpec duration, double cpuBound) {}
