package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one part of summary.json (a function, the account, the ledger) as a flat map
 * from dotted key ({@code durationMs.p99}, {@code costUsd.total}) to value, in file order. Taking
 * every numeric leaf, rather than a fixed list, means a key added to the summary is compared
 * without a change here. A statistic with no observations ({@code null}) is NaN.
 */
final class SummaryMetrics {
  private SummaryMetrics() {}

  /** Returns the numeric leaves of {@code node}; text and booleans are left out. */
  static Map<String, Double> flatten(JsonNode node) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    collect("", node, metrics);
    return metrics;
  }

  private static void collect(String prefix, JsonNode node, Map<String, Double> metrics) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(), metrics);
      }
    } else if (node.isNumber()) {
      metrics.put(prefix, node.doubleValue());
    } else if (node.isNull() && !prefix.isEmpty()) {
      metrics.put(prefix, Double.NaN);
    }
  }
}
