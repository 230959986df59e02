package dev.lambdasim.metrics;

/**
 * Why a request was throttled (HTTP 429). Labels are the {@code Reason} values of Lambda's
 * {@code TooManyRequestsException} (the Lambda API Reference, Invoke, Errors), except
 * {@link #SCALING_RATE_EXCEEDED}: the platform documents the concurrency scaling rate but no
 * reason value of its own for it, so lambdasim names it.
 */
public enum ThrottleReason {
  /** The account's unreserved concurrency is all in use. */
  CONCURRENT_INVOCATION_LIMIT("ConcurrentInvocationLimitExceeded"),
  /** The function's reserved concurrency is all in use. */
  RESERVED_CONCURRENT_INVOCATION_LIMIT("ReservedFunctionConcurrentInvocationLimitExceeded"),
  /** The account's synchronous requests-per-second limit (10 × concurrency limit). */
  FUNCTION_INVOCATION_RATE_LIMIT("FunctionInvocationRateLimitExceeded"),
  /** The function's requests-per-second limit under reserved concurrency (10 × reserved). */
  RESERVED_INVOCATION_RATE_LIMIT("ReservedFunctionInvocationRateLimitExceeded"),
  /** No new execution environment may be created yet (per-function or legacy burst rate). */
  SCALING_RATE_EXCEEDED("ScalingRateExceeded");

  private static final ThrottleReason[] ALL = values();

  private final String label;

  ThrottleReason(String label) {
    this.label = label;
  }

  /** Returns the name used in outputs. */
  public String label() {
    return label;
  }

  public static ThrottleReason[] all() {
    return ALL.clone();
  }

  public static int count() {
    return ALL.length;
  }
}
