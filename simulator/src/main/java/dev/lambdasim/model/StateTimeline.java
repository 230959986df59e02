package dev.lambdasim.model;

import dev.lambdasim.metrics.EnvironmentTimeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The state spans of the environments a function's timeline follows (its first ones): each span
 * closes when its environment enters its next state, and those still open close at the end of
 * the run.
 */
final class StateTimeline {

  private final EnvironmentTimeline timeline;
  private final List<ExecutionEnvironment> followed = new ArrayList<>();

  StateTimeline(EnvironmentTimeline timeline) {
    this.timeline = timeline;
  }

  /** Returns whether the timeline follows the environment numbered {@code id}. */
  boolean follows(long id) {
    return timeline.records(id);
  }

  /** Keeps {@code e} (one {@link #follows} said yes to) so its open span closes at the end. */
  void follow(ExecutionEnvironment e) {
    followed.add(e);
  }

  /** Closes {@code e}'s current span at {@code endNanos}; {@code ended} notes its last span. */
  void span(ExecutionEnvironment e, long endNanos, String ended) {
    timeline.span(e.id, e.provisioned, label(e.state()), e.stateSinceNanos(), endNanos, ended);
  }

  /** Closes the open spans of the followed environments at the end of the run. */
  void close(long endNanos) {
    for (ExecutionEnvironment e : followed) {
      if (e.state() != EnvironmentState.GONE && e.state() != null) {
        span(e, endNanos, "");
      }
    }
  }

  private static String label(EnvironmentState state) {
    return switch (state) {
      case INITIALIZING -> "init";
      case BUSY -> "busy";
      case IDLE -> "idle";
      case GONE -> "gone";
    };
  }
}
