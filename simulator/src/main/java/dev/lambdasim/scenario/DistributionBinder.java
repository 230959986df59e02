package dev.lambdasim.scenario;

import dev.lambdasim.spec.DistributionSpec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds {@code {dist: ..., <parameters>}} to a {@link DistributionSpec} in nanoseconds. */
final class DistributionBinder {

  /** z such that P(Z <= z) = 0.99 for a standard normal; turns a p99 into a lognormal sigma. */
  static final double Z_99 = 2.3263478740408408;
  /** ln(1e6): mu given in ln(ms) plus this is mu in ln(ns). */
  static final double LN_NANOS_PER_MILLI = Math.log(1e6);

  /** Each distribution's parameter sets; lognormal has two alternative ones. */
  static final Map<String, List<List<String>>> PARAMETERS = orderedParameters();

  private static final Pattern PERCENTILE_KEY = Pattern.compile("p([0-9]+(?:\\.[0-9]+)?)");

  private final Values values;
  private final ScenarioFolder folder;

  DistributionBinder(Values values, ScenarioFolder folder) {
    this.values = values;
    this.folder = folder;
  }

  private static Map<String, List<List<String>>> orderedParameters() {
    Map<String, List<List<String>>> m = new java.util.LinkedHashMap<>();
    m.put("constant", List.of(List.of("value")));
    m.put("exponential", List.of(List.of("mean")));
    m.put("uniform", List.of(List.of("min", "max")));
    m.put("normal", List.of(List.of("mean", "stddev")));
    m.put("lognormal", List.of(List.of("median", "p99"), List.of("mu", "sigma")));
    m.put("gamma", List.of(List.of("shape", "scale")));
    m.put("weibull", List.of(List.of("shape", "scale")));
    m.put("percentiles", List.of(List.of("p0", "p50", "p100")));
    m.put("empirical", List.of(List.of("file")));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Returns the distribution, or null (with problems) if it is not valid. */
  DistributionSpec bind(Node node, String path) {
    if (!(node instanceof Node.Mapping mapping)) {
      values.report(node, path, node.shown() + " is not a distribution; write e.g. "
          + "{dist: lognormal, median: 80ms, p99: 400ms} (dist: " + String.join(", ", PARAMETERS.keySet()) + ")");
      return null;
    }
    Node distNode = mapping.values().get("dist");
    if (distNode == null) {
      values.problems().add(mapping.at(), Fields.join(path, "dist"),
          "required field 'dist' is missing (allowed " + String.join(", ", PARAMETERS.keySet()) + ")");
      return null;
    }
    String dist = values.choice(distNode, Fields.join(path, "dist"), keysAsOptions());
    if (dist == null) {
      return null;
    }
    if (dist.equals("percentiles")) {
      return percentiles(mapping, path);
    }
    List<String> known = new ArrayList<>(List.of("dist"));
    PARAMETERS.get(dist).forEach(known::addAll);
    int before = values.problems().count();
    Fields f = Fields.of(mapping, path, values, known);
    if (values.problems().count() > before) {
      return null;
    }
    return switch (dist) {
      case "constant" -> {
        Double v = time(f, "value");
        yield v == null ? null : new DistributionSpec.Constant(v);
      }
      case "exponential" -> {
        Double mean = positiveTime(f, "mean");
        yield mean == null ? null : new DistributionSpec.Exponential(mean);
      }
      case "uniform" -> uniform(f);
      case "normal" -> {
        Double mean = time(f, "mean");
        Double sd = time(f, "stddev");
        yield mean == null || sd == null ? null : new DistributionSpec.Normal(mean, sd);
      }
      case "lognormal" -> lognormal(f);
      case "gamma", "weibull" -> {
        Node shapeNode = f.required("shape", "a number greater than 0");
        Double shape = shapeNode == null ? null : values.positive(shapeNode, f.path("shape"));
        Double scale = positiveTime(f, "scale");
        if (shape == null || scale == null) {
          yield null;
        }
        yield dist.equals("gamma")
            ? new DistributionSpec.Gamma(shape, scale) : new DistributionSpec.Weibull(shape, scale);
      }
      default -> empirical(f);
    };
  }

  private static Map<String, String> keysAsOptions() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    PARAMETERS.keySet().forEach(k -> m.put(k, k));
    return java.util.Collections.unmodifiableMap(m);
  }

  private Double time(Fields f, String key) {
    Node n = f.required(key, "a duration with a unit, e.g. 100ms");
    BigDecimal nanos = n == null ? null : values.durationExact(n, f.path(key));
    return nanos == null ? null : nanos.doubleValue();
  }

  private Double positiveTime(Fields f, String key) {
    Double nanos = time(f, key);
    if (nanos != null && nanos <= 0) {
      values.report(f.node(key), f.path(key), f.node(key).shown() + " is not allowed (must be greater than 0s)");
      return null;
    }
    return nanos;
  }

  private DistributionSpec uniform(Fields f) {
    Double min = time(f, "min");
    Double max = time(f, "max");
    if (min == null || max == null) {
      return null;
    }
    if (min > max) {
      values.report(f.node("max"), f.path("max"), f.node("max").shown() + " is below min "
          + f.node("min").shown() + " (allowed: max >= min)");
      return null;
    }
    return new DistributionSpec.Uniform(min, max);
  }

  private DistributionSpec lognormal(Fields f) {
    boolean quantiles = f.has("median") || f.has("p99");
    boolean logs = f.has("mu") || f.has("sigma");
    if (quantiles && logs) {
      values.report(f.node(f.has("mu") ? "mu" : "sigma"), f.path(f.has("mu") ? "mu" : "sigma"),
          "lognormal takes either {median, p99} or {mu, sigma}, not both");
      return null;
    }
    if (logs) {
      Node muNode = f.required("mu", "ln of the value in milliseconds, a number");
      Node sigmaNode = f.required("sigma", "a number >= 0");
      Double mu = muNode == null ? null : values.anyDecimal(muNode, f.path("mu"));
      Double sigma = sigmaNode == null ? null : values.decimal(sigmaNode, f.path("sigma"), 0, 100);
      return mu == null || sigma == null ? null
          : new DistributionSpec.LogNormal(mu + LN_NANOS_PER_MILLI, sigma);
    }
    Double median = positiveTime(f, "median");
    Double p99 = positiveTime(f, "p99");
    if (median == null || p99 == null) {
      return null;
    }
    if (p99 <= median) {
      values.report(f.node("p99"), f.path("p99"), f.node("p99").shown()
          + " is not above the median " + f.node("median").shown() + " (allowed: p99 > median)");
      return null;
    }
    double mu = Math.log(median);
    return new DistributionSpec.LogNormal(mu, (Math.log(p99) - mu) / Z_99);
  }

  private DistributionSpec percentiles(Node.Mapping mapping, String path) {
    TreeMap<BigDecimal, Double> points = new TreeMap<>();
    TreeMap<BigDecimal, Node> nodes = new TreeMap<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : mapping.values().entrySet()) {
      String key = e.getKey();
      if (key.equals("dist")) {
        continue;
      }
      String keyPath = Fields.join(path, key);
      Matcher m = PERCENTILE_KEY.matcher(key);
      BigDecimal p = m.matches() ? new BigDecimal(m.group(1)) : null;
      if (p == null || p.compareTo(BigDecimal.valueOf(100)) > 0) {
        values.problems().add(mapping.keys().get(key), keyPath, "unknown field '" + key
            + "'; percentiles takes keys p<number> with number in 0..100, e.g. p0, p50, p99.9, p100");
        ok = false;
        continue;
      }
      if (nodes.containsKey(p)) {
        values.problems().add(mapping.keys().get(key), keyPath, "percentile " + p.toPlainString()
            + " is given twice");
        ok = false;
        continue;
      }
      BigDecimal nanos = values.durationExact(e.getValue(), keyPath);
      if (nanos == null) {
        ok = false;
        continue;
      }
      points.put(p, nanos.doubleValue());
      nodes.put(p, e.getValue());
    }
    for (BigDecimal required : List.of(BigDecimal.ZERO, BigDecimal.valueOf(100))) {
      if (ok && !points.containsKey(required)) {
        String key = "p" + required.toPlainString();
        values.problems().add(mapping.at(), Fields.join(path, key), "required field '" + key
            + "' is missing (percentiles needs p0 and p100, and any of p<number> between)");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    List<Double> probabilities = new ArrayList<>();
    List<Double> nanos = new ArrayList<>();
    Double previous = null;
    BigDecimal previousP = null;
    for (Map.Entry<BigDecimal, Double> e : points.entrySet()) {
      if (previous != null && e.getValue() < previous) {
        Node n = nodes.get(e.getKey());
        values.report(n, Fields.join(path, "p" + e.getKey().toPlainString()), n.shown()
            + " is below p" + previousP.toPlainString() + " " + nodes.get(previousP).shown()
            + " (allowed: values non-decreasing with p)");
        return null;
      }
      probabilities.add(e.getKey().movePointLeft(2).doubleValue());
      nanos.add(e.getValue());
      previous = e.getValue();
      previousP = e.getKey();
    }
    return new DistributionSpec.Percentiles(probabilities, nanos);
  }

  private DistributionSpec empirical(Fields f) {
    Node fileNode = f.required("file", "a text file of durations, one per line, relative to the scenario");
    if (fileNode == null) {
      return null;
    }
    String name = values.text(fileNode, f.path("file"));
    if (name == null) {
      return null;
    }
    Path file = folder.resolve(name, fileNode, f.path("file"), values);
    if (file == null) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      values.report(fileNode, f.path("file"), fileNode.shown() + " cannot be read ("
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
      return null;
    }
    String shownFile = folder.display(name);
    List<Double> nanos = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String value = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (value.isEmpty()) {
        continue;
      }
      var parsed = Units.nanos(value);
      if (parsed.isEmpty()) {
        values.problems().add(new Location(shownFile, i + 1, 0), f.path("file"), "'" + value
            + "' is not a duration; write one <number><unit> per line with unit " + Units.DURATION_UNITS);
        ok = false;
      } else {
        nanos.add(parsed.get().doubleValue());
      }
    }
    if (ok && nanos.isEmpty()) {
      values.problems().add(new Location(shownFile, 0, 0), f.path("file"),
          "the file holds no values; at least 1 duration is needed");
      return null;
    }
    return ok ? new DistributionSpec.Empirical(name, nanos) : null;
  }
}
