package dev.lambdasim.report;

/** One state of an execution environment (init, busy or idle) from start to end, in seconds. */
record StateSpan(String state, double startSeconds, double endSeconds) {
  static final String INIT = "init";
  static final String BUSY = "busy";
  static final String IDLE = "idle";

  /** Returns the shared constant for a known state, so 20,000 spans do not hold 20,000 copies. */
  static String named(String state) {
    return switch (state) {
      case INIT -> INIT;
      case BUSY -> BUSY;
      case IDLE -> IDLE;
      default -> state;
    };
  }

  StateSpan {
    if (!(endSeconds >= startSeconds)) {
      throw new IllegalArgumentException(
          "span ends (" + endSeconds + ") before it starts (" + startSeconds + ")");
    }
  }
}
