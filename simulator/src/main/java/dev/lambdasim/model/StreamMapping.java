package dev.lambdasim.model;

import dev.lambdasim.metrics.ThrottleReason;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.EsmMetrics;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.spec.StreamSpec;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Kinesis or DynamoDB stream and its event source mapping ("Using Lambda with Kinesis
 * Data Streams", "Using Lambda with DynamoDB Streams").
 *
 * <ul>
 *   <li>Each record lands on a shard and, within it, on one of {@code parallelizationFactor}
 *       lanes, the hash of its partition key: records of one key share a lane, and a lane runs
 *       one batch at a time, in order. With a factor of 1 a shard is one lane.
 *   <li>An idle lane's records are seen at the shard's next poll (every second for Kinesis,
 *       every 250 ms for DynamoDB, at whole multiples of the interval). A lane whose batch
 *       ended with records left goes on at once (the poller has read ahead). A batch takes up to
 *       {@code batchSize} records; with a batch window, one that is not full waits until its
 *       oldest record is the window old.
 *   <li>A failed batch is retried {@link #RETRY_DELAY_NANOS} later and blocks its lane
 *       meanwhile. With {@code bisectOnError} a failed batch of two or more records is split
 *       in two halves run in order (no retry consumed); otherwise, or for one record, a retry
 *       is consumed, and past {@code maxRetries} the batch is given up to the on-failure
 *       destination ({@code RetryAttemptsExhausted}). Records older than
 *       {@code maxRecordAge} when a batch is formed are discarded ({@code RecordAgeExceeded}).
 *   <li>A throttled invocation is tried again {@link #THROTTLE_RETRY_NANOS} later and
 *       consumes no retry.
 * </ul>
 * Records wait in primitive rings (time and sequence number, 16 bytes each).
 */
public final class StreamMapping implements EventSource {

  static final long RETRY_DELAY_NANOS = 1_000_000_000L;
  static final long THROTTLE_RETRY_NANOS = 1_000_000_000L;

  private final SimulatedFunction function;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final EsmMetrics esm;
  private final StreamSpec spec;
  private final RandomGenerator routingStream;
  private final RandomGenerator poisonStream;
  private final int factor;
  private final Lane[] lanes;
  private final long[] nextSequence;
  private final long[] shardReceived;
  private final long[] shardSucceeded;
  private final long[] shardGivenUp;
  private final long[] shardIteratorAgeMaxNanos;
  private final long[] shardPoisoned;
  private long dealt;
  private long live;

  public StreamMapping(SimulatedFunction function, StreamSpec spec, RandomGenerator routingStream,
      RandomGenerator poisonStream) {
    this.function = function;
    this.loop = function.loop();
    this.metrics = function.metrics();
    this.esm = metrics.esm;
    this.spec = spec;
    this.routingStream = routingStream;
    this.poisonStream = poisonStream;
    this.factor = spec.parallelizationFactor();
    int shards = spec.shards();
    this.lanes = new Lane[shards * factor];
    for (int s = 0; s < shards; s++) {
      for (int k = 0; k < factor; k++) {
        lanes[s * factor + k] = new Lane(s);
      }
    }
    this.nextSequence = new long[shards];
    this.shardReceived = new long[shards];
    this.shardSucceeded = new long[shards];
    this.shardGivenUp = new long[shards];
    this.shardIteratorAgeMaxNanos = new long[shards];
    this.shardPoisoned = new long[shards];
  }

  @Override
  public long live() {
    return live;
  }

  @Override
  public void receive(long prescribedNanos) {
    long now = loop.nowNanos();
    boolean measured = metrics.isMeasured(now);
    metrics.arrival(measured);
    esm.received(measured);
    live++;
    int shard;
    int key;
    if (spec.routing() == StreamSpec.Routing.ROUND_ROBIN) {
      long k = dealt++;
      shard = (int) (k % spec.shards());
      key = (int) ((k / spec.shards()) % factor);
    } else {
      shard = spec.shards() == 1 ? 0 : routingStream.nextInt(spec.shards());
      key = factor == 1 ? 0 : routingStream.nextInt(factor);
    }
    boolean poison = spec.poisonRate() > 0 && poisonStream.nextDouble() < spec.poisonRate();
    if (poison) {
      shardPoisoned[shard]++;
    }
    shardReceived[shard]++;
    Lane lane = lanes[shard * factor + key];
    lane.records.addLast(now, nextSequence[shard]++ << 1 | (poison ? 1 : 0));
    esm.backlog.add(now, 1);
    if (lane.running) {
      return;
    }
    if (!lane.isScheduled()) {
      long interval = spec.source().pollIntervalNanos();
      loop.schedule(lane, Math.floorDiv(now + interval - 1, interval) * interval);
    } else if (lane.waitingForWindow && lane.records.size() >= spec.batchSize()) {
      lane.waitingForWindow = false;
      loop.reschedule(lane, now); // full: the window need not run out
    }
  }

  /** The lane's poll, retry or window is due: invoke its next batch if it has one. */
  void poll(Lane lane) {
    long now = loop.nowNanos();
    lane.waitingForWindow = false;
    discardExpired(lane, now);
    if (lane.records.isEmpty()) {
      return;
    }
    int n;
    if (lane.splitCount > 0) {
      n = lane.splits[lane.splitCount - 1];
    } else {
      n = Math.min(lane.records.size(), spec.batchSize());
      if (n < spec.batchSize() && spec.batchWindowNanos() > 0) {
        long deadline = lane.records.time(0) + spec.batchWindowNanos();
        if (now < deadline) {
          lane.waitingForWindow = true;
          loop.schedule(lane, deadline);
          return;
        }
      }
      lane.push(n);
    }
    invoke(lane, now, n);
  }

  private void invoke(Lane lane, long now, int n) {
    boolean poison = false;
    for (int i = 0; i < n && !poison; i++) {
      poison = (lane.records.tag(i) & 1) != 0;
    }
    long handler = function.drawHandlerNanos() + spec.perRecordNanos() * n;
    double errorDraw = function.drawError();
    if (poison) {
      errorDraw = -1.0; // below any error rate: the invocation fails
    }
    boolean measured = metrics.isMeasured(now);
    StreamBatch batch = new StreamBatch(this, lane, lane.records.time(0), n);
    ThrottleReason reason = function.tryStart(now, measured, handler, errorDraw, batch);
    if (reason != null) {
      metrics.throttle(reason, measured);
      esm.batchThrottled(now);
      loop.schedule(lane, now + THROTTLE_RETRY_NANOS);
      return;
    }
    lane.running = true;
    lane.invocations++;
    long iteratorAge = now - lane.records.time(n - 1);
    esm.batchesInFlight.add(now, 1);
    esm.batchInvoked(now, n, iteratorAge);
    if (iteratorAge > shardIteratorAgeMaxNanos[lane.shard]) {
      shardIteratorAgeMaxNanos[lane.shard] = iteratorAge;
    }
  }

  /** The invocation of {@code batch} ended. */
  void completed(StreamBatch batch, boolean error) {
    long now = loop.nowNanos();
    Lane lane = batch.lane;
    int n = batch.size;
    lane.running = false;
    esm.batchesInFlight.add(now, -1);
    if (!error) {
      for (int i = 0; i < n; i++) {
        metrics.requestEnded(metrics.isMeasured(lane.records.time(i)),
            FunctionMetrics.Outcome.SUCCEEDED);
      }
      remove(lane, now, n);
      shardSucceeded[lane.shard] += n;
      lane.pop();
      poll(lane);
      return;
    }
    esm.batchFailed(now);
    if (spec.bisectOnError() && n > 1) {
      esm.bisected(now);
      int first = (n + 1) / 2;
      // The halves take the batch's place (and its retries): the first half runs first.
      lane.splits[lane.splitCount - 1] = n - first;
      lane.push(first);
    } else {
      lane.retries++;
      if (spec.maxRetries() != StreamSpec.INFINITE_RETRIES && lane.retries > spec.maxRetries()) {
        giveUp(lane, now, n, "RetryAttemptsExhausted", FunctionMetrics.Outcome.FAILED);
        lane.pop();
        poll(lane);
        return;
      }
      esm.retried(now);
    }
    loop.schedule(lane, now + RETRY_DELAY_NANOS);
  }

  /** Discards the lane's leading records older than the maximum record age. */
  private void discardExpired(Lane lane, long now) {
    if (spec.maxRecordAgeNanos() == StreamSpec.INFINITE_RECORD_AGE) {
      return;
    }
    int k = 0;
    while (k < lane.records.size() && now - lane.records.time(k) >= spec.maxRecordAgeNanos()) {
      k++;
    }
    if (k == 0) {
      return;
    }
    giveUp(lane, now, k, "RecordAgeExceeded", FunctionMetrics.Outcome.DROPPED);
    int left = k;
    while (left > 0 && lane.splitCount > 0) {
      int top = lane.splits[lane.splitCount - 1];
      if (top <= left) {
        left -= top;
        lane.pop();
      } else {
        lane.splits[lane.splitCount - 1] = top - left;
        left = 0;
      }
    }
  }

  /** Ends the lane's first {@code n} records without success: one on-failure record. */
  private void giveUp(Lane lane, long now, int n, String condition,
      FunctionMetrics.Outcome outcome) {
    long first = lane.records.tag(0) >>> 1;
    long last = lane.records.tag(n - 1) >>> 1;
    for (int i = 0; i < n; i++) {
      boolean measured = metrics.isMeasured(lane.records.time(i));
      metrics.requestEnded(measured, outcome);
      esm.failed(measured, condition, spec.onFailure());
    }
    esm.failureRecord(new EsmMetrics.FailureRecord(now, lane.shard, first, last, n, condition,
        lane.invocations));
    shardGivenUp[lane.shard] += n;
    remove(lane, now, n);
  }

  private void remove(Lane lane, long now, int n) {
    lane.records.removeFirst(n);
    live -= n;
    esm.backlog.add(now, -n);
  }

  /** Returns per-shard figures over the whole run. */
  public ShardStats[] shardStats() {
    ShardStats[] stats = new ShardStats[spec.shards()];
    for (int s = 0; s < stats.length; s++) {
      long backlog = 0;
      for (int k = 0; k < factor; k++) {
        backlog += lanes[s * factor + k].records.size();
      }
      stats[s] = new ShardStats(s, shardReceived[s], shardSucceeded[s], shardGivenUp[s],
          backlog, shardIteratorAgeMaxNanos[s] / 1e6, shardPoisoned[s]);
    }
    return stats;
  }

  /**
   * One shard over the whole run.
   *
   * @param backlogAtEnd      records not yet processed at the end (waiting or in a batch)
   * @param iteratorAgeMaxMs  the largest IteratorAge of its batches
   * @param poisoned          poison records it received
   */
  public record ShardStats(int shard, long received, long succeeded, long givenUp,
      long backlogAtEnd, double iteratorAgeMaxMs, long poisoned) {}

  /**
   * The records of one partition-key lane of a shard, in order, and its batch in progress. It
   * is its own timer (poll, window, retry).
   */
  final class Lane extends Event {

    final int shard;
    final RecordRing records = new RecordRing();
    /** Sizes of the batch in progress and of the halves still to run, the next one on top. */
    int[] splits = new int[4];
    int splitCount;
    int retries;
    /** Invocations of the batch in progress so far (the record's approximateInvokeCount). */
    int invocations;
    boolean running;
    boolean waitingForWindow;

    Lane(int shard) {
      super(EventKind.ESM_POLL);
      this.shard = shard;
    }

    void push(int size) {
      if (splitCount == splits.length) {
        splits = Arrays.copyOf(splits, splits.length * 2);
      }
      splits[splitCount++] = size;
    }

    /**
     * The batch on top ended. The next one starts with no retry used (with bisectOnError only
     * single records ever use retries); the invocation count covers a batch and its halves.
     */
    void pop() {
      splitCount--;
      retries = 0;
      if (splitCount == 0) {
        invocations = 0;
      }
    }

    @Override
    protected void fire() {
      poll(this);
    }

    @Override
    public String toString() {
      return "stream lane of shard " + shard + " of " + function.name();
    }
  }
}
