package dev.lambdasim.workload;

import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.TrafficSpec;
import java.util.Arrays;

/** Helpers shared by the arrival tests: build a source as a run would, and drain it. */
final class Arrivals {

  static final long S = 1_000_000_000L;
  static final long MIN = 60 * S;
  static final long H = 60 * MIN;
  static final long OPEN = Long.MAX_VALUE;

  private Arrivals() {}

  /** Returns the process of {@code spec} for function "f", its stream derived from {@code seed}. */
  static ArrivalProcess of(TrafficSpec spec, long seed) {
    return ArrivalProcesses.of(spec, "f", new RandomStreams(seed));
  }

  /** Returns every instant before {@code untilNanos} (or END), checking that they never decrease. */
  static long[] until(ArrivalProcess process, long untilNanos) {
    long[] out = new long[1024];
    int n = 0;
    long previous = Long.MIN_VALUE;
    for (long t = process.nextArrivalNanos(); t != ArrivalProcess.END && t < untilNanos;
        t = process.nextArrivalNanos()) {
      if (t < previous) {
        throw new AssertionError("instant " + t + " after " + previous);
      }
      previous = t;
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = t;
    }
    return Arrays.copyOf(out, n);
  }

  /** Returns every instant up to END. */
  static long[] all(ArrivalProcess process) {
    return until(process, OPEN);
  }

  /** Returns the gaps between consecutive instants, in seconds. */
  static double[] gapsSeconds(long[] instants) {
    double[] gaps = new double[instants.length - 1];
    for (int i = 1; i < instants.length; i++) {
      gaps[i - 1] = (instants[i] - instants[i - 1]) / 1e9;
    }
    return gaps;
  }

  /** Returns the number of instants in each window [from + i·width, from + (i+1)·width). */
  static long[] counts(long[] instants, long fromNanos, long widthNanos, int windows) {
    long[] counts = new long[windows];
    for (long t : instants) {
      long i = Math.floorDiv(t - fromNanos, widthNanos);
      if (i >= 0 && i < windows) {
        counts[(int) i]++;
      }
    }
    return counts;
  }

  /** Returns the window counts of a process up to from + windows·width, without storing instants. */
  static long[] counts(ArrivalProcess process, long fromNanos, long widthNanos, int windows) {
    long[] counts = new long[windows];
    long until = fromNanos + windows * widthNanos;
    long previous = Long.MIN_VALUE;
    for (long t = process.nextArrivalNanos(); t < until; t = process.nextArrivalNanos()) {
      if (t < previous) {
        throw new AssertionError("instant " + t + " after " + previous);
      }
      previous = t;
      if (t >= fromNanos) {
        counts[(int) ((t - fromNanos) / widthNanos)]++;
      }
    }
    return counts;
  }
}
