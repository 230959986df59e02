package dev.lambdasim.scenario;

import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.TimeUnits;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds {@code {dist: ..., <parameters>}} to a {@link DistributionSpec} in nanoseconds. */
final class DistributionBinder {

  /** ln(1e6): mu given in ln(ms) plus this is mu in ln(ns). */
  static final double LN_NANOS_PER_MILLI = Math.log(TimeUnits.MILLISECOND);
  static final double MAX_SIGMA = 100;

  /** Each distribution's parameter sets; lognormal has two alternative ones. */
  static final Map<String, List<List<String>>> PARAMETERS = orderedParameters();
  static final Labels<String> DISTS = Labels.named(List.copyOf(PARAMETERS.keySet()));

  private static final Pattern PERCENTILE_KEY = Pattern.compile("p([0-9]+(?:\\.[0-9]+)?)");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Values values;
  private final ScenarioFolder folder;

  DistributionBinder(Values values, ScenarioFolder folder) {
    this.values = values;
    this.folder = folder;
  }

  private static Map<String, List<List<String>>> orderedParameters() {
    Map<String, List<List<String>>> m = new LinkedHashMap<>();
    m.put("constant", List.of(List.of("value")));
    m.put("exponential", List.of(List.of("mean")));
    m.put("uniform", List.of(List.of("min", "max")));
    m.put("normal", List.of(List.of("mean", "stddev")));
    m.put("lognormal", List.of(List.of("median", "p99"), List.of("mu", "sigma")));
    m.put("gamma", List.of(List.of("shape", "scale")));
    m.put("weibull", List.of(List.of("shape", "scale")));
    m.put("percentiles", List.of(List.of("p0", "p50", "p100")));
    m.put("empirical", List.of(List.of("file")));
    return Collections.unmodifiableMap(m);
  }

  /** Returns the distribution, or the mark of a reported one. */
  Bound<DistributionSpec> bind(Node node, String path) {
    if (!(node instanceof Node.Mapping mapping)) {
      return values.reject(node, path, node.shown() + " is not a distribution; write e.g. "
          + "{dist: lognormal, median: 80ms, p99: 400ms} (dist: " + DISTS.joined(", ") + ")");
    }
    Node distNode = mapping.values().get("dist");
    if (distNode == null) {
      values.problems().add(mapping.at(), Fields.join(path, "dist"),
          "required field 'dist' is missing (allowed " + DISTS.joined(", ") + ")");
      return Bound.reported();
    }
    return values.choice(distNode, Fields.join(path, "dist"), DISTS)
        .then(dist -> dist.equals("percentiles") ? percentiles(mapping, path)
            : withParameters(dist, mapping, path));
  }

  private Bound<DistributionSpec> withParameters(String dist, Node.Mapping mapping, String path) {
    List<String> known = new ArrayList<>(List.of("dist"));
    PARAMETERS.get(dist).forEach(known::addAll);
    Problems.Mark mark = values.mark();
    Fields f = Fields.of(mapping, path, values, known);
    if (mark.reportedSince()) {
      return Bound.reported();
    }
    return switch (dist) {
      case "constant" -> time(f, "value").map(DistributionSpec.Constant::new);
      case "exponential" -> positiveTime(f, "mean").map(DistributionSpec.Exponential::new);
      case "uniform" -> uniform(f);
      case "normal" -> {
        Bound<Double> mean = time(f, "mean");
        Bound<Double> sd = time(f, "stddev");
        yield Bound.allOk(mean, sd)
            ? Bound.of(new DistributionSpec.Normal(mean.get(), sd.get())) : Bound.reported();
      }
      case "lognormal" -> lognormal(f);
      case "gamma", "weibull" -> {
        Bound<Double> shape = f.required("shape", "a number greater than 0", values::positive);
        Bound<Double> scale = positiveTime(f, "scale");
        if (!Bound.allOk(shape, scale)) {
          yield Bound.reported();
        }
        yield Bound.of(dist.equals("gamma") ? new DistributionSpec.Gamma(shape.get(), scale.get())
            : new DistributionSpec.Weibull(shape.get(), scale.get()));
      }
      default -> empirical(f);
    };
  }

  private Bound<Double> time(Fields f, String key) {
    return f.required(key, "a duration with a unit, e.g. 100ms", values::durationExact)
        .map(BigDecimal::doubleValue);
  }

  private Bound<Double> positiveTime(Fields f, String key) {
    return time(f, key).then(nanos -> nanos <= 0
        ? values.reject(f.node(key), f.path(key), f.node(key).shown()
            + " is not allowed (must be greater than 0s)")
        : Bound.of(nanos));
  }

  private Bound<DistributionSpec> uniform(Fields f) {
    Bound<Double> min = time(f, "min");
    Bound<Double> max = time(f, "max");
    if (!Bound.allOk(min, max)) {
      return Bound.reported();
    }
    if (min.get() > max.get()) {
      return values.reject(f.node("max"), f.path("max"), f.node("max").shown() + " is below min "
          + f.node("min").shown() + " (allowed: max >= min)");
    }
    return Bound.of(new DistributionSpec.Uniform(min.get(), max.get()));
  }

  private Bound<DistributionSpec> lognormal(Fields f) {
    boolean quantiles = f.has("median") || f.has("p99");
    boolean logs = f.has("mu") || f.has("sigma");
    if (quantiles && logs) {
      String key = f.has("mu") ? "mu" : "sigma";
      return values.reject(f.node(key), f.path(key),
          "lognormal takes either {median, p99} or {mu, sigma}, not both");
    }
    if (logs) {
      // Both are checked for presence before either is read, so missing ones are reported first.
      Bound<Node> muNode = f.required("mu", "ln of the value in milliseconds, a number");
      Bound<Node> sigmaNode = f.required("sigma", "a number >= 0");
      Bound<Double> mu = muNode.then(n -> values.anyDecimal(n, f.path("mu")));
      Bound<Double> sigma = sigmaNode.then(n -> values.decimal(n, f.path("sigma"), 0, MAX_SIGMA));
      return Bound.allOk(mu, sigma)
          ? Bound.of(new DistributionSpec.LogNormal(mu.get() + LN_NANOS_PER_MILLI, sigma.get()))
          : Bound.reported();
    }
    Bound<Double> median = positiveTime(f, "median");
    Bound<Double> p99 = positiveTime(f, "p99");
    if (!Bound.allOk(median, p99)) {
      return Bound.reported();
    }
    if (p99.get() <= median.get()) {
      return values.reject(f.node("p99"), f.path("p99"), f.node("p99").shown()
          + " is not above the median " + f.node("median").shown() + " (allowed: p99 > median)");
    }
    return Bound.of(DistributionSpec.LogNormal.ofMedianAndP99(median.get(), p99.get()));
  }

  private Bound<DistributionSpec> percentiles(Node.Mapping mapping, String path) {
    TreeMap<BigDecimal, Double> points = new TreeMap<>();
    TreeMap<BigDecimal, Node> nodes = new TreeMap<>();
    Problems.Mark mark = values.mark();
    for (Map.Entry<String, Node> e : mapping.values().entrySet()) {
      String key = e.getKey();
      if (key.equals("dist")) {
        continue;
      }
      String keyPath = Fields.join(path, key);
      Matcher m = PERCENTILE_KEY.matcher(key);
      BigDecimal p = m.matches() ? new BigDecimal(m.group(1)) : null;
      if (p == null || p.compareTo(HUNDRED) > 0) {
        values.problems().add(mapping.keys().get(key), keyPath, "unknown field '" + key
            + "'; percentiles takes keys p<number> with number in 0..100, e.g. p0, p50, p99.9, p100");
        continue;
      }
      if (nodes.containsKey(p)) {
        values.problems().add(mapping.keys().get(key), keyPath, "percentile " + p.toPlainString()
            + " is given twice");
        continue;
      }
      Bound<BigDecimal> nanos = values.durationExact(e.getValue(), keyPath);
      if (nanos.ok()) {
        points.put(p, nanos.get().doubleValue());
        nodes.put(p, e.getValue());
      }
    }
    for (BigDecimal required : List.of(BigDecimal.ZERO, HUNDRED)) {
      if (!mark.reportedSince() && !points.containsKey(required)) {
        String key = "p" + required.toPlainString();
        values.problems().add(mapping.at(), Fields.join(path, key), "required field '" + key
            + "' is missing (percentiles needs p0 and p100, and any of p<number> between)");
      }
    }
    if (mark.reportedSince()) {
      return Bound.reported();
    }
    List<Double> probabilities = new ArrayList<>();
    List<Double> nanos = new ArrayList<>();
    Double previous = null;
    BigDecimal previousP = null;
    for (Map.Entry<BigDecimal, Double> e : points.entrySet()) {
      if (previous != null && e.getValue() < previous) {
        Node n = nodes.get(e.getKey());
        return values.reject(n, Fields.join(path, "p" + e.getKey().toPlainString()), n.shown()
            + " is below p" + previousP.toPlainString() + " " + nodes.get(previousP).shown()
            + " (allowed: values non-decreasing with p)");
      }
      probabilities.add(e.getKey().movePointLeft(2).doubleValue());
      nanos.add(e.getValue());
      previous = e.getValue();
      previousP = e.getKey();
    }
    return Bound.of(new DistributionSpec.Percentiles(probabilities, nanos));
  }

  private Bound<DistributionSpec> empirical(Fields f) {
    Bound<Node> fileNode = f.required("file", "a text file of durations, one per line, relative to the scenario");
    Bound<String> name = fileNode.then(n -> values.text(n, f.path("file")));
    Bound<Path> file = name.then(text -> folder.resolve(text, fileNode.get(), f.path("file"), values));
    return file.then(p -> empirical(p, fileNode.get(), name.get(), f.path("file")));
  }

  private Bound<DistributionSpec> empirical(Path file, Node fileNode, String name, String path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return values.reject(fileNode, path, fileNode.shown() + " cannot be read ("
          + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")");
    }
    String shownFile = folder.display(name);
    Problems.Mark mark = values.mark();
    List<Double> nanos = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String value = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (value.isEmpty()) {
        continue;
      }
      Optional<BigDecimal> parsed = Units.nanos(value);
      if (parsed.isEmpty()) {
        values.problems().add(new Location(shownFile, i + 1, 0), path, "'" + value
            + "' is not a duration; write one <number><unit> per line with unit " + Units.DURATION_UNITS);
      } else {
        nanos.add(parsed.get().doubleValue());
      }
    }
    if (mark.reportedSince()) {
      return Bound.reported();
    }
    if (nanos.isEmpty()) {
      values.problems().add(new Location(shownFile, 0, 0), path,
          "the file holds no values; at least 1 duration is needed");
      return Bound.reported();
    }
    return Bound.of(new DistributionSpec.Empirical(name, nanos));
  }
}
