package dev.lambdasim.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The state spans (init, busy, idle) of a function's first environments, streamed to a sink as
 * each span closes: the data of the environment timeline (the Gantt chart that shows what a
 * cold start is) and of {@code environments.csv}.
 *
 * <p>Bounded twice, so memory and file size stay flat however long the run: only environments
 * whose per-function number is below {@code maxEnvironments} are recorded, and at most
 * {@code maxSpans} spans per function.
 */
public final class EnvironmentTimeline {

  /** Receives closed spans. Times are nanoseconds from the start of the run. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param ended {@code reclaimed} or {@code recycled} on an environment's last span, else ""
     */
    void span(String function, long environment, boolean provisioned, String state,
        long startNanos, long endNanos, String ended) throws IOException;
  }

  private final String function;
  private final Sink sink;
  private final long maxEnvironments;
  private final long maxSpans;
  private long spans;

  public EnvironmentTimeline(String function, Sink sink, long maxEnvironments, long maxSpans) {
    this.function = function;
    this.sink = sink;
    this.maxEnvironments = maxEnvironments;
    this.maxSpans = maxSpans;
  }

  /** A timeline that records nothing. */
  public static EnvironmentTimeline none(String function) {
    return new EnvironmentTimeline(function, null, 0, 0);
  }

  /** Returns whether the environment numbered {@code environment} is recorded. */
  public boolean records(long environment) {
    return sink != null && environment < maxEnvironments;
  }

  /** Records a closed span; empty spans and spans past the cap are dropped. */
  public void span(long environment, boolean provisioned, String state, long startNanos,
      long endNanos, String ended) {
    if (endNanos <= startNanos && ended.isEmpty()) {
      return;
    }
    if (spans >= maxSpans) {
      return;
    }
    spans++;
    try {
      sink.span(function, environment, provisioned, state, startNanos, endNanos, ended);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
