package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The changes of a function's configured provisioned concurrency (summary.json's
 * {@code provisioned.actions}) as marks on the concurrency chart. Every action gets a mark; only
 * a bounded number get a "from→to" label, spread over the run so that hundreds of auto-scaling
 * actions stay legible: an action is labelled when it comes at least a fair share of the run
 * after the previous labelled one.
 *
 * @param marks the listed actions in time order
 * @param total how many actions the run had (the summary lists only the first 1,000)
 */
record ScalingMarks(List<Mark> marks, long total) {
  /** At most this many labels on one chart. */
  static final int MAX_LABELS = 12;
  static final ScalingMarks NONE = new ScalingMarks(List.of(), 0);

  /** One scaling action; {@code labelled} says whether the chart writes its from→to. */
  record Mark(double timeSeconds, int from, int to, String reason, boolean labelled) {
    boolean scaleOut() {
      return to > from;
    }

    String label() {
      return from + "\u2192" + to;
    }
  }

  ScalingMarks {
    marks = List.copyOf(marks);
  }

  /**
   * Returns the marks of {@code provisioned} (the function's {@code provisioned} object), with at
   * most {@code maxLabels} labelled over a run of {@code spanSeconds}; malformed entries are
   * skipped.
   */
  static ScalingMarks of(JsonNode provisioned, double spanSeconds, int maxLabels) {
    List<Mark> unlabelled = new ArrayList<>();
    for (JsonNode action : provisioned.path("actions")) {
      double time = NumberText.value(action.path("timeSeconds"));
      if (Double.isNaN(time) || !action.path("from").isNumber() || !action.path("to").isNumber()) {
        continue;
      }
      unlabelled.add(new Mark(time, action.path("from").intValue(), action.path("to").intValue(),
          action.path("reason").asText(""), false));
    }
    unlabelled.sort(java.util.Comparator.comparingDouble(Mark::timeSeconds));
    double declared = NumberText.value(provisioned.path("scalingActions"));
    long total = Double.isNaN(declared) ? unlabelled.size()
        : Math.max(unlabelled.size(), (long) declared);
    return new ScalingMarks(label(unlabelled, spanSeconds, maxLabels), total);
  }

  /** Labels the first action, then each one at least span ÷ maxLabels after the last labelled. */
  static List<Mark> label(List<Mark> marks, double spanSeconds, int maxLabels) {
    double gap = maxLabels <= 0 || !(spanSeconds > 0.0) ? Double.POSITIVE_INFINITY
        : spanSeconds / maxLabels;
    List<Mark> out = new ArrayList<>(marks.size());
    double lastLabelled = Double.NEGATIVE_INFINITY;
    int labels = 0;
    for (Mark mark : marks) {
      boolean labelled = labels < maxLabels
          && (labels == 0 || mark.timeSeconds() - lastLabelled >= gap);
      if (labelled) {
        labels++;
        lastLabelled = mark.timeSeconds();
      }
      out.add(new Mark(mark.timeSeconds(), mark.from(), mark.to(), mark.reason(), labelled));
    }
    return out;
  }

  boolean isEmpty() {
    return marks.isEmpty();
  }

  long labelledCount() {
    return marks.stream().filter(Mark::labelled).count();
  }

  /** Returns the note under the chart when not every action is labelled or listed, else "". */
  String note() {
    long labelled = labelledCount();
    if (labelled == total) {
      return "";
    }
    return String.format(Locale.US, "%s scaling actions: every listed one is marked (%s), %s labelled",
        NumberText.count(total), NumberText.count(marks.size()), NumberText.count(labelled));
  }
}
