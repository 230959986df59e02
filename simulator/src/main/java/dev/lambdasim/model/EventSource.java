package dev.lambdasim.model;

/**
 * An event source mapping that the function's traffic feeds (an SQS queue or a stream) instead
 * of invoking the function directly.
 */
public interface EventSource {

  /**
   * A message or record arrives now.
   *
   * @param prescribedNanos handler time prescribed by a trace; batches draw their own, so
   *     mappings ignore it
   */
  void receive(long prescribedNanos);

  /** Returns the messages or records received and not yet ended (queued, or in a batch). */
  long live();
}
