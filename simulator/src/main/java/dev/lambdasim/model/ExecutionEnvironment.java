package dev.lambdasim.model;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;

/**
 * One execution environment: serves one request at a time, keeps its initialised state between
 * requests, and ends when its keep-alive or maximum lifetime runs out.
 *
 * <p>The request it is serving lives in its fields, not in a separate object, so an invocation
 * allocates nothing. Each environment owns its three timers and reuses them.
 */
final class ExecutionEnvironment {

  final long id;
  final SimulatedFunction function;
  final boolean provisioned;
  final long createdNanos;
  EnvironmentState state;
  /** When the current state began (for the timeline). */
  long stateSinceNanos;
  /** Whether this environment's state spans go to the timeline. */
  boolean recorded;
  /** A provisioned environment running Init to replace a recycled one; not ready yet. */
  boolean preparing;
  /** True when the next request must run Init: a new environment, or one reset by a timeout. */
  boolean needsInit;

  // The request in progress.
  /** The queued request (async event, batch) it serves, or null for a sync call. */
  QueuedRequest event;
  /** How long the queued request waited before this attempt (0 for sync calls). */
  long queueNanos;
  boolean measured;
  boolean cold;
  boolean error;
  boolean timeout;
  long initNanos;
  long handlerNanos;

  /**
   * How long this environment may stay idle before it is reclaimed, drawn once from the
   * function's keep-alive distribution when it is created.
   */
  final long keepAliveNanos;
  /** The instant at which it is recycled, idle or not (a busy one finishes its request first). */
  final long lifetimeEndNanos;
  /** When idle: the instant its keep-alive or lifetime ends, whichever is first. */
  long idleDeadlineNanos;
  boolean deadlineIsLifetime;

  // Intrusive links and index for the idle pools.
  ExecutionEnvironment previous;
  ExecutionEnvironment next;
  int poolIndex = -1;

  final Event completion = new Event(EventKind.COMPLETION) {
    @Override
    protected void fire() {
      function.onCompletion(ExecutionEnvironment.this);
    }

    @Override
    public String toString() {
      return "completion of environment " + id;
    }
  };

  final Event initDone = new Event(EventKind.INIT_DONE) {
    @Override
    protected void fire() {
      function.onInitDone(ExecutionEnvironment.this);
    }

    @Override
    public String toString() {
      return "init done of environment " + id;
    }
  };

  /**
   * Fires at or before the idle deadline. It is left scheduled when the environment is reused,
   * and re-armed lazily, so a busy environment costs no timer work per request. Because the
   * keep-alive is fixed per environment, each idle deadline is later than the one before, so
   * an expiry left scheduled is never too late.
   */
  final Event expiry = new Event(EventKind.EXPIRY) {
    @Override
    protected void fire() {
      function.onExpiry(ExecutionEnvironment.this);
    }

    @Override
    public String toString() {
      return "expiry of environment " + id;
    }
  };

  ExecutionEnvironment(long id, SimulatedFunction function, boolean provisioned, long createdNanos,
      long keepAliveNanos, long lifetimeEndNanos) {
    this.id = id;
    this.function = function;
    this.provisioned = provisioned;
    this.createdNanos = createdNanos;
    this.keepAliveNanos = keepAliveNanos;
    this.lifetimeEndNanos = lifetimeEndNanos;
    this.needsInit = true;
  }

  @Override
  public String toString() {
    return "environment " + id + " of " + function.name() + " (" + state + ")";
  }
}
