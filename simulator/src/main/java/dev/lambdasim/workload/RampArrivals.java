package dev.lambdasim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Poisson process whose rate changes linearly from {@code fromRate} at {@code start} to
 * {@code toRate} at {@code end}, and is 0 outside [start, end). Exact, by thinning against the
 * larger of the two rates.
 */
public final class RampArrivals extends ThinnedArrivals {

  private final double fromRatePerSecond;
  private final double slopePerNano;
  private final long startNanos;

  public RampArrivals(RandomGenerator random, double fromRatePerSecond, double toRatePerSecond,
      long startNanos, long endNanos) {
    super(random, Math.max(fromRatePerSecond, toRatePerSecond), startNanos, endNanos);
    if (!(fromRatePerSecond >= 0 && toRatePerSecond >= 0) || startNanos >= endNanos) {
      throw new IllegalArgumentException("ramp needs rates >= 0 and start < end");
    }
    this.fromRatePerSecond = fromRatePerSecond;
    this.slopePerNano = (toRatePerSecond - fromRatePerSecond) / (double) (endNanos - startNanos);
    this.startNanos = startNanos;
  }

  @Override
  double ratePerSecondAt(double nanos) {
    return fromRatePerSecond + slopePerNano * (nanos - startNanos);
  }
}
