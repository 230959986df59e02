package dev.lambdasim.model;

import dev.lambdasim.random.DurationSampler;
import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.CodeSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A function's code as the platform runs it: handler and Init times drawn from the function's
 * distributions and stretched by the CPU share of its memory, its timeout, and its error rate.
 */
final class FunctionCode {

  /** On-demand Init is stopped after 10 s ("Lambda execution environment lifecycle"). */
  static final long ON_DEMAND_INIT_LIMIT_NANOS = 10_000_000_000L;

  private final DurationSampler handlerSampler;
  private final DurationSampler initSampler;
  private final RandomGenerator errorStream;
  private final double handlerFactor;
  private final double initFactor;
  private final long timeoutNanos;
  private final double errorRate;

  /** Draws from the streams {@code <prefix>duration}, {@code init} and {@code errors}. */
  FunctionCode(CodeSpec code, RandomStreams streams, String prefix) {
    this.handlerSampler = DurationSampler.of(code.duration(), streams.stream(prefix + "duration"));
    this.initSampler = DurationSampler.of(code.init().duration(), streams.stream(prefix + "init"));
    this.errorStream = streams.stream(prefix + "errors");
    this.handlerFactor = CpuScaling.durationFactor(
        code.memoryMb(), code.referenceMemoryMb(), code.cpuBound(), code.threads());
    this.initFactor = CpuScaling.durationFactor(
        code.memoryMb(), code.referenceMemoryMb(), code.init().cpuBound(), code.threads());
    this.timeoutNanos = code.timeoutNanos();
    this.errorRate = code.errorRate();
  }

  /** Returns a handler time at the reference memory from the function's distribution. */
  long drawHandlerNanos() {
    return handlerSampler.sampleNanos();
  }

  /** Returns the draw that decides a function error (an error when below the error rate). */
  double drawError() {
    // The error stream is the function's own, so skipping it when the outcome is certain
    // changes no other draw.
    return errorRate == 0.0 ? 1.0 : errorRate == 1.0 ? 0.0 : errorStream.nextDouble();
  }

  /** Returns an Init time at the function's memory. */
  long drawInitNanos() {
    return Math.round(initSampler.sampleNanos() * initFactor);
  }

  /** Returns the handler time at the function's memory of one at the reference memory. */
  long handlerNanos(long referenceNanos) {
    return Math.round(referenceNanos * handlerFactor);
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  /** Returns whether {@code errorDraw} (from {@link #drawError}) makes the invocation fail. */
  boolean fails(double errorDraw) {
    return errorDraw < errorRate;
  }
}
