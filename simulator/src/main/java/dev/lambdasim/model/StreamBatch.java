package dev.lambdasim.model;

import dev.lambdasim.engine.EventKind;

/** One invocation of a lane's first records: a batch, a retry of it, or one of its halves. */
final class StreamBatch extends QueuedRequest {

  final StreamMapping mapping;
  final StreamMapping.Lane lane;
  final int size;

  StreamBatch(StreamMapping mapping, StreamMapping.Lane lane, long oldestNanos, int size) {
    super(EventKind.ESM_POLL, oldestNanos);
    this.mapping = mapping;
    this.lane = lane;
    this.size = size;
  }

  @Override
  protected void fire() {
    throw new IllegalStateException("a stream batch is never scheduled: " + this);
  }

  @Override
  protected void onCompleted(boolean error) {
    mapping.completed(this, error);
  }

  @Override
  public String toString() {
    return "stream batch of " + size + " on shard " + lane.shard;
  }
}
