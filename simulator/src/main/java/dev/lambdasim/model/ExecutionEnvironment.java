package dev.lambdasim.model;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;

/**
 * One execution environment: serves one request at a time, keeps its initialised state between
 * requests, and ends when its keep-alive or maximum lifetime runs out.
 *
 * <p>Its state changes only through its own methods (begin a request, end it, go idle, prepare a
 * replacement, end); other classes read it. The request it is serving lives in its fields, not in
 * a separate object, so an invocation allocates nothing. Each environment owns its three timers
 * and reuses them.
 */
final class ExecutionEnvironment {

  final long id;
  final SimulatedFunction function;
  final boolean provisioned;
  /**
   * How long this environment may stay idle before it is reclaimed, drawn once from the
   * function's keep-alive distribution when it is created.
   */
  final long keepAliveNanos;
  /** The instant at which it is recycled, idle or not (a busy one finishes its request first). */
  final long lifetimeEndNanos;
  /** Where its state spans go, or null when the timeline does not follow it. */
  private final StateTimeline timeline;

  private EnvironmentState state;
  /** When the current state began (for the timeline). */
  private long stateSinceNanos;
  /** A provisioned environment running Init to replace a recycled one; not ready yet. */
  private boolean preparing;
  /** True when the next request must run Init: a new environment, or one reset by a timeout. */
  private boolean needsInit = true;

  // The request in progress (or the last one, until the next begins).
  /** The queued request (async event, batch) it serves, or null for a sync call. */
  private QueuedRequest request;
  /** How long the queued request waited before this attempt (0 for sync calls). */
  private long queueNanos;
  private boolean measured;
  private boolean cold;
  private boolean error;
  private boolean timeout;
  /** The Init phase of this request, or of a provisioned replacement while it prepares. */
  private long initNanos;
  private long handlerNanos;

  /** When idle: the instant its keep-alive or lifetime ends, whichever is first. */
  private long idleDeadlineNanos;
  private boolean deadlineIsLifetime;

  // Intrusive links and index, written only by the idle pool that holds the environment.
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

  /**
   * A new environment, not yet initialised.
   *
   * @param timeline where its state spans go, or null when the timeline does not follow it
   */
  ExecutionEnvironment(long id, SimulatedFunction function, boolean provisioned,
      long keepAliveNanos, long lifetimeEndNanos, StateTimeline timeline) {
    this.id = id;
    this.function = function;
    this.provisioned = provisioned;
    this.keepAliveNanos = keepAliveNanos;
    this.lifetimeEndNanos = lifetimeEndNanos;
    this.timeline = timeline;
  }

  /**
   * Starts serving a request: Init first if the environment needs it, then the handler, cut at
   * the function's timeout.
   *
   * @param request the queued request served, or null for a sync call
   */
  void beginRequest(QueuedRequest request, long queueNanos, boolean measured, FunctionCode code,
      long handlerReferenceNanos, double errorDraw) {
    this.request = request;
    this.queueNanos = queueNanos;
    this.measured = measured;
    cold = needsInit;
    initNanos = cold ? code.drawInitNanos() : 0;
    needsInit = false;
    long handler = code.handlerNanos(handlerReferenceNanos);
    if (cold && !provisioned && initNanos > FunctionCode.ON_DEMAND_INIT_LIMIT_NANOS) {
      // Suppressed init: the Init phase is stopped at its 10 s limit, and Lambda runs Init again
      // inside the invocation, where it counts in Duration and the function timeout.
      handler += initNanos;
      initNanos = FunctionCode.ON_DEMAND_INIT_LIMIT_NANOS;
    }
    timeout = handler > code.timeoutNanos();
    handlerNanos = timeout ? code.timeoutNanos() : handler;
    error = timeout || code.fails(errorDraw);
  }

  /**
   * Ends the request in progress and returns it (null for a sync call). A timeout resets the
   * environment: it stays, but its next request runs Init again.
   */
  QueuedRequest endRequest() {
    QueuedRequest ended = request;
    request = null;
    if (timeout) {
      needsInit = true;
    }
    return ended;
  }

  /** Marks a provisioned environment allocated ready: its Init ran before it was counted. */
  void initialised() {
    needsInit = false;
  }

  /** Starts Init of a provisioned replacement, taking {@code initNanos}; it is not ready yet. */
  void prepare(long nowNanos, long initNanos) {
    preparing = true;
    this.initNanos = initNanos;
    enter(EnvironmentState.INITIALIZING, nowNanos);
  }

  /** A provisioned replacement's Init ended. */
  void prepared() {
    preparing = false;
    needsInit = false;
  }

  /**
   * Goes idle after a request (on-demand): until its keep-alive or its lifetime ends, whichever
   * comes first.
   */
  void idleFrom(long nowNanos) {
    long keepAliveEnd = plusSaturated(nowNanos, keepAliveNanos);
    deadlineIsLifetime = lifetimeEndNanos <= keepAliveEnd;
    idleDeadlineNanos = Math.min(keepAliveEnd, lifetimeEndNanos);
    enter(EnvironmentState.IDLE, nowNanos);
  }

  /** Moves to {@code next}, closing the previous state's span on the timeline. */
  void enter(EnvironmentState next, long nowNanos) {
    if (timeline != null && state != null) {
      timeline.span(this, nowNanos, "");
    }
    state = next;
    stateSinceNanos = nowNanos;
  }

  /** Ends the environment, closing its last span as reclaimed (keep-alive) or recycled. */
  void end(long nowNanos, boolean byKeepAlive) {
    if (timeline != null) {
      timeline.span(this, nowNanos, byKeepAlive ? "reclaimed" : "recycled");
    }
    state = EnvironmentState.GONE;
  }

  EnvironmentState state() {
    return state;
  }

  long stateSinceNanos() {
    return stateSinceNanos;
  }

  boolean preparing() {
    return preparing;
  }

  boolean measured() {
    return measured;
  }

  boolean cold() {
    return cold;
  }

  boolean error() {
    return error;
  }

  boolean timeout() {
    return timeout;
  }

  long queueNanos() {
    return queueNanos;
  }

  long initNanos() {
    return initNanos;
  }

  long handlerNanos() {
    return handlerNanos;
  }

  long idleDeadlineNanos() {
    return idleDeadlineNanos;
  }

  /** Returns whether the idle deadline is the end of its lifetime rather than of its keep-alive. */
  boolean deadlineIsLifetime() {
    return deadlineIsLifetime;
  }

  /** Returns {@code a + b}, or {@link Long#MAX_VALUE} if that overflows (both non-negative). */
  static long plusSaturated(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public String toString() {
    return "environment " + id + " of " + function.name() + " (" + state + ")";
  }
}
