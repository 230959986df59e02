package dev.lambdasim.model;

import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.FunctionMetrics;

/**
 * Creates and ends a function's execution environments, on-demand and provisioned alike: numbers
 * them, counts them in the metrics, and lets the timeline follow the first ones.
 */
final class Environments {

  private final SimulatedFunction function;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final StateTimeline timeline;
  private long nextId;

  Environments(SimulatedFunction function, EventLoop loop, FunctionMetrics metrics,
      StateTimeline timeline) {
    this.function = function;
    this.loop = loop;
    this.metrics = metrics;
    this.timeline = timeline;
  }

  /** Returns a new environment, not yet initialised, created now. */
  ExecutionEnvironment create(long nowNanos, boolean provisioned, long keepAliveNanos,
      long lifetimeEndNanos) {
    long id = nextId++;
    boolean followed = timeline.follows(id);
    ExecutionEnvironment e = new ExecutionEnvironment(id, function, provisioned, keepAliveNanos,
        lifetimeEndNanos, followed ? timeline : null);
    if (followed) {
      timeline.follow(e);
    }
    metrics.environments.add(nowNanos, 1);
    metrics.environmentCreated(nowNanos);
    return e;
  }

  /** Ends {@code e} now: reclaimed after its keep-alive, or else recycled. */
  void end(ExecutionEnvironment e, long nowNanos, boolean byKeepAlive) {
    e.end(nowNanos, byKeepAlive);
    loop.cancel(e.expiry);
    metrics.environments.add(nowNanos, -1);
    metrics.environmentEnded(nowNanos, byKeepAlive);
  }

  /** Closes the open spans of the environments the timeline follows at the end of the run. */
  void closeTimeline(long endNanos) {
    timeline.close(endNanos);
  }
}
