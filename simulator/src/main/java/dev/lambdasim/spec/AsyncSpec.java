package dev.lambdasim.spec;

/**
 * How the platform handles asynchronous invocations of a function (AWS Lambda Developer Guide,
 * "How Lambda handles errors and retries with asynchronous invocation").
 *
 * @param maxRetries        retries after a function error or timeout, 0..2 (default 2)
 * @param maxEventAgeNanos  an event older than this is dropped, 60 s .. 6 h (default 6 h)
 * @param onSuccess         destination of successful events: a function's name (invoked
 *                          asynchronously) or any other name (a counted sink); null for none
 * @param onFailure         destination of failed or dropped events, likewise
 * @param deadLetter        dead-letter queue (a counted sink), or null
 */
public record AsyncSpec(int maxRetries, long maxEventAgeNanos, String onSuccess,
    String onFailure, String deadLetter) {

  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final long DEFAULT_MAX_EVENT_AGE_NANOS = 6 * TimeUnits.HOUR;

  public static AsyncSpec defaults() {
    return new AsyncSpec(DEFAULT_MAX_RETRIES, DEFAULT_MAX_EVENT_AGE_NANOS, null, null, null);
  }
}
