package dev.lambdasim.model;

/**
 * The life of an execution environment ("Understanding the Lambda execution environment
 * lifecycle").
 */
public enum EnvironmentState {
  /** Running its Init phase for a request (a cold start). */
  INITIALIZING,
  /** Running a request's handler. */
  BUSY,
  /** Warm, waiting for a request until its keep-alive or lifetime ends. */
  IDLE,
  /** Reclaimed or recycled; never used again. */
  GONE
}
