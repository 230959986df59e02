package dev.lambdasim.run;

import java.util.Map;

/**
 * A function's asynchronous event queue over the measured window.
 *
 * @param received            events accepted ({@code AsyncEventsReceived})
 * @param dropped             events that ended without success ({@code AsyncEventsDropped})
 * @param retried             retries after a function error or timeout
 * @param throttledAttempts   attempts throttled and returned to the queue
 * @param ageMs               queue time from acceptance to each invocation ({@code AsyncEventAge})
 * @param queueDepthPeak      the most events waiting at once
 * @param failuresByCondition dropped events by condition ({@code RetriesExhausted},
 *                            {@code EventAgeExceeded}, ...)
 * @param failedInvokeCounts  dropped events by {@code approximateInvokeCount}
 * @param deliveries          records delivered to each destination or dead-letter queue
 */
public record AsyncSummary(long received, long dropped, long retried, long throttledAttempts,
    Stats ageMs, long queueDepthPeak, Map<String, Long> failuresByCondition,
    Map<Integer, Long> failedInvokeCounts, Map<String, Long> deliveries) {}
