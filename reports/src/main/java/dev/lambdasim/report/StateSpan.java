package dev.lambdasim.report;

/** One state of an execution environment (init, busy or idle) from start to end, in seconds. */
record StateSpan(String state, double startSeconds, double endSeconds) {
  static final String INIT = "init";
  static final String BUSY = "busy";
  static final String IDLE = "idle";

  StateSpan {
    if (!(endSeconds >= startSeconds)) {
      throw new IllegalArgumentException(
          "span ends (" + endSeconds + ") before it starts (" + startSeconds + ")");
    }
  }
}
