package dev.lambdasim.model;

import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.random.DurationSampler;
import dev.lambdasim.spec.EnvironmentSpec;

/**
 * A function's on-demand environments between requests: the idle ones that serve the next
 * requests warm, their keep-alive and expiry, recycling at the maximum lifetime, and the creation
 * of new ones for cold starts.
 */
final class EnvironmentPool {

  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final Environments environments;
  private final IdlePool idle;
  private final DurationSampler keepAliveSampler;
  private final long maxLifetimeNanos;

  /** @param idle the pool (and its reuse policy) that holds the idle environments */
  EnvironmentPool(EventLoop loop, FunctionMetrics metrics, Environments environments,
      IdlePool idle, DurationSampler keepAliveSampler, EnvironmentSpec spec) {
    this.loop = loop;
    this.metrics = metrics;
    this.environments = environments;
    this.idle = idle;
    this.keepAliveSampler = keepAliveSampler;
    this.maxLifetimeNanos = spec.maxLifetimeNanos();
  }

  /** Returns whether an idle environment can serve a request warm. */
  boolean hasIdle() {
    return !idle.isEmpty();
  }

  /** Takes the idle environment the reuse policy picks; there must be one. */
  ExecutionEnvironment takeIdle(long nowNanos) {
    ExecutionEnvironment e = idle.take();
    metrics.idle.add(nowNanos, -1);
    return e;
  }

  /** Returns a new environment for a cold start. */
  ExecutionEnvironment create(long nowNanos) {
    // Keep-alive is drawn once per environment (each has its own idle timeout): this keeps
    // idle deadlines increasing, so the expiry timer never has to move earlier.
    long keepAlive = Math.max(0, keepAliveSampler.sampleNanos());
    return environments.create(nowNanos, false, keepAlive,
        ExecutionEnvironment.plusSaturated(nowNanos, maxLifetimeNanos));
  }

  /** {@code e} finished a request: it goes idle, or is recycled if its lifetime is over. */
  void afterRequest(ExecutionEnvironment e, long nowNanos) {
    if (nowNanos >= e.lifetimeEndNanos) {
      environments.end(e, nowNanos, false);
      return;
    }
    e.idleFrom(nowNanos);
    idle.add(e);
    metrics.idle.add(nowNanos, 1);
    if (!e.expiry.isScheduled()) {
      loop.schedule(e.expiry, e.idleDeadlineNanos());
    } else if (e.expiry.timeNanos() > e.idleDeadlineNanos()) {
      throw new IllegalStateException("idle deadline moved earlier for " + e);
    }
  }

  /**
   * The expiry timer of idle {@code e} fired: it ends if its deadline has come, else the timer
   * (left from an earlier idle spell) is moved to the deadline.
   */
  void onExpiry(ExecutionEnvironment e, long nowNanos) {
    if (nowNanos < e.idleDeadlineNanos()) {
      loop.schedule(e.expiry, e.idleDeadlineNanos());
      return;
    }
    idle.remove(e);
    metrics.idle.add(nowNanos, -1);
    environments.end(e, nowNanos, !e.deadlineIsLifetime());
  }
}
