package dev.lambdasim.engine;

/**
 * Kinds of events, in the order in which events due at the same instant are handled.
 *
 * <p>The order is part of the model and is pinned by a test:
 * <ol>
 *   <li>{@link #PERIOD_END} first, so a period's row holds exactly what happened before its end;
 *   <li>{@link #CONTROL}: configuration changes (scheduled actions, the auto scaler, provisioned
 *       environments becoming ready), so requests at t see the configuration of t;
 *   <li>{@link #COMPLETION} before arrivals, so an environment that finishes at t can serve a
 *       request arriving at t;
 *   <li>{@link #INIT_DONE}, a state change with no effect on admission;
 *   <li>{@link #EXPIRY} before arrivals, so an environment whose keep-alive or lifetime ends at t
 *       is gone for a request arriving at t;
 *   <li>{@link #ARRIVAL};
 *   <li>{@link #ASYNC_ATTEMPT}: an async event retried at t comes after new arrivals at t;
 *   <li>{@link #ESM_POLL} last: an event source mapping polls at t after every arrival and
 *       completion of t, so a batch formed at t holds everything that arrived by t.
 * </ol>
 * Ties within a kind are broken by the sequence number assigned at scheduling (FIFO).
 */
public enum EventKind {
  PERIOD_END,
  CONTROL,
  COMPLETION,
  INIT_DONE,
  EXPIRY,
  ARRIVAL,
  ASYNC_ATTEMPT,
  ESM_POLL
}
