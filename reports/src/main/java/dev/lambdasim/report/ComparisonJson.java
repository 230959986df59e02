package dev.lambdasim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * comparison.json: the runs, then per function (and for the account and the ledger) each metric
 * with its values, its deltas against the first run and the relative deltas, in run order. A
 * value or delta that does not exist (no observations, a zero baseline) is null.
 */
final class ComparisonJson {
  private ComparisonJson() {}

  /** @param folders per run, where its folder is (relative to the comparison when inside it) */
  static void write(Comparison comparison, List<ComparedRun> runs, List<RunSummary> summaries,
      List<String> folders, Path target) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("baseline", runs.get(0).label());
    ArrayNode runList = root.putArray("runs");
    for (int r = 0; r < runs.size(); r++) {
      ObjectNode run = runList.addObject();
      run.put("label", runs.get(r).label());
      run.put("scenario", summaries.get(r).text("scenario"));
      run.set("seed", summaries.get(r).get("seed").deepCopy());
      run.put("source", runs.get(r).source());
      run.put("folder", folders.get(r));
    }
    ObjectNode functions = root.putObject("functions");
    for (String function : comparison.functions()) {
      functions.set(function, subject(mapper, comparison.rows(function)));
    }
    root.set(Comparison.ACCOUNT, subject(mapper, comparison.rows(Comparison.ACCOUNT)));
    root.set(Comparison.CONSERVATION, subject(mapper, comparison.rows(Comparison.CONSERVATION)));

    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static ObjectNode subject(ObjectMapper mapper, List<MetricComparison> rows) {
    ObjectNode subject = mapper.createObjectNode();
    for (MetricComparison row : rows) {
      ObjectNode metric = subject.putObject(row.metric());
      ArrayNode values = metric.putArray("values");
      ArrayNode deltas = metric.putArray("delta");
      ArrayNode relative = metric.putArray("relativeDelta");
      for (int r = 0; r < row.values().length; r++) {
        add(values, row.values()[r]);
        add(deltas, row.delta(r));
        add(relative, row.relativeDelta(r));
      }
    }
    return subject;
  }

  private static void add(ArrayNode array, double value) {
    if (Double.isNaN(value)) {
      array.addNull();
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      array.add((long) value);
    } else {
      array.add(value);
    }
  }
}
