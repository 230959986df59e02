package dev.lambdasim.model;

import dev.lambdasim.cost.CostModel;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.FunctionMetrics;

/**
 * Runs admitted invocations on their environments: Init when the environment is cold, then the
 * handler; at the end, the duration billed, the concurrency freed, and the environment handed
 * back to its pool.
 */
final class Invocations {

  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final Account account;
  private final FunctionCode code;
  private final Admission admission;
  private final ProvisionedConcurrency provisioned;
  private final EnvironmentPool pool;
  private final int memoryMb;
  private final boolean billInit;

  Invocations(EventLoop loop, FunctionMetrics metrics, Account account, FunctionCode code,
      Admission admission, ProvisionedConcurrency provisioned, EnvironmentPool pool, int memoryMb,
      boolean billInit) {
    this.loop = loop;
    this.metrics = metrics;
    this.account = account;
    this.code = code;
    this.admission = admission;
    this.provisioned = provisioned;
    this.pool = pool;
    this.memoryMb = memoryMb;
    this.billInit = billInit;
  }

  /**
   * Starts an admitted invocation on {@code e} now.
   *
   * @param request the queued request it serves, or null for a sync call
   */
  void begin(ExecutionEnvironment e, long nowNanos, QueuedRequest request, boolean measured,
      long handlerReferenceNanos, double errorDraw) {
    long queueNanos = request == null ? 0 : nowNanos - request.enqueuedNanos();
    e.beginRequest(request, queueNanos, measured, code, handlerReferenceNanos, errorDraw);
    boolean spillover = !e.provisioned && provisioned.configured() > 0;
    metrics.start(measured, e.cold(), e.provisioned, spillover);
    metrics.concurrency.add(nowNanos, 1);
    account.invocationStarted(nowNanos, e.provisioned);
    if (e.provisioned) {
      provisioned.requestStarted(nowNanos);
    }
    if (e.cold() && e.initNanos() > 0) {
      e.enter(EnvironmentState.INITIALIZING, nowNanos);
      metrics.initializing.add(nowNanos, 1);
      loop.schedule(e.initDone, nowNanos + e.initNanos());
    } else {
      e.enter(EnvironmentState.BUSY, nowNanos);
      metrics.busy.add(nowNanos, 1);
    }
    loop.schedule(e.completion, nowNanos + e.initNanos() + e.handlerNanos());
  }

  /** The Init phase of {@code e} ended: its handler runs, or a provisioned replacement is ready. */
  void onInitDone(ExecutionEnvironment e) {
    long now = loop.nowNanos();
    if (e.preparing()) {
      provisioned.onReplacementReady(e, now);
      return;
    }
    e.enter(EnvironmentState.BUSY, now);
    metrics.initializing.add(now, -1);
    metrics.busy.add(now, 1);
  }

  /** The invocation on {@code e} ended now; returns the queued request it served (null: sync). */
  QueuedRequest finish(ExecutionEnvironment e) {
    long now = loop.nowNanos();
    long billedNanos = e.handlerNanos() + (billInit ? e.initNanos() : 0);
    double gbSeconds = CostModel.gbSeconds(memoryMb, CostModel.billedMillis(billedNanos));
    metrics.complete(e.measured(), e.queueNanos(), e.initNanos(), e.handlerNanos(), e.cold(),
        e.error(), e.timeout(), e.provisioned, gbSeconds);
    if (e.state() == EnvironmentState.INITIALIZING) {
      // A zero-length handler ends at the same instant as Init; completions go first.
      loop.cancel(e.initDone);
      metrics.initializing.add(now, -1);
    } else {
      metrics.busy.add(now, -1);
    }
    metrics.concurrency.add(now, -1);
    account.invocationEnded(now, e.provisioned);
    if (e.provisioned) {
      provisioned.requestEnded(now);
    } else {
      admission.onDemandEnded();
    }
    QueuedRequest request = e.endRequest();
    if (e.provisioned) {
      provisioned.afterRequest(e, now);
    } else {
      pool.afterRequest(e, now);
    }
    return request;
  }
}
