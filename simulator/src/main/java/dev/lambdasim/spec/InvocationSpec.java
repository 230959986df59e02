package dev.lambdasim.spec;

import java.util.Objects;

/**
 * How a function is invoked: the path of its own traffic and the settings of each path.
 *
 * @param type   invocation path of the function's own traffic
 * @param async  how asynchronous invocations are retried and routed (used for
 *               {@code invocation: async} traffic and when the function is another function's
 *               destination)
 * @param sqs    the SQS event source mapping ({@code invocation: sqs})
 * @param stream the stream event source mapping ({@code invocation: stream})
 * @param retry  how callers retry throttled sync requests
 */
public record InvocationSpec(InvocationType type, AsyncSpec async, SqsSpec sqs, StreamSpec stream,
    ClientRetrySpec retry) {

  public static final InvocationSpec DEFAULTS = new InvocationSpec(InvocationType.SYNC,
      AsyncSpec.defaults(), SqsSpec.defaults(), StreamSpec.defaults(), ClientRetrySpec.none());

  public InvocationSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(async, "async");
    Objects.requireNonNull(sqs, "sqs");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(retry, "retry");
  }

  public InvocationSpec withType(InvocationType value) {
    return new InvocationSpec(value, async, sqs, stream, retry);
  }

  public InvocationSpec withAsync(AsyncSpec value) {
    return new InvocationSpec(type, value, sqs, stream, retry);
  }

  public InvocationSpec withSqs(SqsSpec value) {
    return new InvocationSpec(type, async, value, stream, retry);
  }

  public InvocationSpec withStream(StreamSpec value) {
    return new InvocationSpec(type, async, sqs, value, retry);
  }

  public InvocationSpec withRetry(ClientRetrySpec value) {
    return new InvocationSpec(type, async, sqs, stream, value);
  }
}
