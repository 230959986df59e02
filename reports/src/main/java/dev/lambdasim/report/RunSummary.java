package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * summary.json as a Jackson tree. Every accessor tolerates a missing key (returning a missing
 * node), because the report should render whatever subset a given simulator version writes.
 */
final class RunSummary {
  private final JsonNode root;

  private RunSummary(JsonNode root) {
    this.root = root;
  }

  static RunSummary read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": expected a JSON object");
    }
    return new RunSummary(root);
  }

  static RunSummary of(JsonNode root) {
    return new RunSummary(root);
  }

  /** Returns a top-level value, or a missing node. */
  JsonNode get(String field) {
    return root.path(field);
  }

  /** Returns the text of a top-level scalar, or "" when absent. */
  String text(String field) {
    JsonNode node = root.path(field);
    return node.isValueNode() ? node.asText() : "";
  }

  /** Returns the function names in file order. */
  List<String> functionNames() {
    List<String> names = new ArrayList<>();
    Iterator<String> fields = root.path("functions").fieldNames();
    fields.forEachRemaining(names::add);
    return names;
  }

  JsonNode function(String name) {
    JsonNode functions = root.path("functions");
    return functions.isObject() && functions.has(name) ? functions.get(name) : MissingNode.getInstance();
  }

  JsonNode account() {
    return root.path("account");
  }

  JsonNode conservation() {
    return root.path("conservation");
  }

  /** Returns the configured limits of one function under {@code limits.functions}. */
  JsonNode functionLimits(String name) {
    JsonNode functions = root.path("limits").path("functions");
    return functions.isObject() && functions.has(name) ? functions.get(name) : MissingNode.getInstance();
  }

  double accountConcurrencyLimit() {
    return NumberText.value(root.path("limits").path("accountConcurrencyLimit"));
  }

  /** Returns the metrics period in seconds, or NaN when the summary does not say. */
  double metricsPeriodSeconds() {
    return NumberText.value(root.path("metricsPeriodSeconds"));
  }
}
