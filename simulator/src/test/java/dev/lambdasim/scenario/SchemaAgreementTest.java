package dev.lambdasim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.ScalingSpec.ScalingModel;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.StreamSpec;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TrafficSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code scenarios/scenario.schema.json} and the loader agree, in both directions: every object
 * of the schema has exactly the fields the loader accepts there (the loader's own field lists),
 * every enum and const names exactly the loader's options, every default is what the loader
 * takes when the field is left out, every optional field without a default is one whose absence
 * means "none" (listed here with the reason), and every numeric minimum and maximum is where
 * the loader's range ends, while where the schema states none the loader has none either.
 *
 * <p>The schema is walked whole; each object and field is known by its dotted path from a
 * {@code $defs} entry (or the root), with {@code [format=...]}-style discriminators for the
 * branches of a {@code oneOf}, e.g. {@code traffic.trace[format=timestamps].unit}. The walk
 * must meet exactly the objects and choices listed here, so a field added to either side alone
 * fails this test.
 */
final class SchemaAgreementTest {

  private static final Path SCHEMA_FILE = Path.of("..", "scenarios", "scenario.schema.json");
  /** The fields whose const tells the branches of a oneOf apart. */
  private static final List<String> DISCRIMINATORS = List.of("format", "dist", "model");
  private static final JsonNode SCHEMA = readSchema();
  private static final List<Site> SITES = walk();

  @TempDir
  Path dir;

  // ---- The schema, walked.

  /**
   * One node of the schema: its dotted path, the node, and whether it is the item schema of an
   * array (then {@code key} is the array's).
   */
  record Site(String key, JsonNode node, boolean item) {

    /** Returns the path with the discriminators of oneOf branches left out. */
    String plainKey() {
      return key.replaceAll("\\[[^]]*]", "");
    }

    String parentKey() {
      int dot = key.lastIndexOf('.');
      return dot < 0 ? "" : key.substring(0, dot);
    }

    String name() {
      return key.substring(key.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
      return key + (item ? "[]" : "");
    }
  }

  private static JsonNode readSchema() {
    try {
      return new ObjectMapper().readTree(Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Site> walk() {
    List<Site> sites = new ArrayList<>();
    walk(SCHEMA, "", false, sites);
    SCHEMA.get("$defs").fields().forEachRemaining(d -> walk(d.getValue(), d.getKey(), false, sites));
    return sites;
  }

  private static void walk(JsonNode node, String key, boolean item, List<Site> sites) {
    sites.add(new Site(key, node, item));
    if (node.has("properties")) {
      node.get("properties").fields().forEachRemaining(p ->
          walk(p.getValue(), key.isEmpty() ? p.getKey() : key + "." + p.getKey(), false, sites));
    }
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      if (node.has(combinator)) {
        node.get(combinator).forEach(branch -> walk(branch, key + discriminator(branch), false, sites));
      }
    }
    if (node.has("items")) {
      walk(node.get("items"), key, true, sites);
    }
  }

  /** Returns {@code [format=azure-2019]} for a branch told apart by a const, else "". */
  private static String discriminator(JsonNode branch) {
    for (String name : DISCRIMINATORS) {
      JsonNode p = branch.path("properties").path(name);
      if (p.has("const")) {
        return "[" + name + "=" + p.get("const").asText() + "]";
      }
    }
    return "";
  }

  // ---- Fields: every object has exactly the loader's fields.

  /** Returns, per object of the schema, the field sets the loader accepts there. */
  private static Map<String, List<Set<String>>> loaderObjects() {
    Map<String, List<Set<String>>> m = new TreeMap<>();
    add(m, "", ScenarioBinder.FIELDS);
    add(m, "account", AccountBinder.FIELDS);
    for (ScalingModel model : ScalingModel.values()) {
      add(m, "account.scaling[model=" + model.label() + "]",
          concat(List.of("model"), AccountBinder.MODEL_FIELDS.get(model)));
    }
    add(m, "pricing", PricingBinder.FIELDS);
    add(m, "pricing.x86_64", PricingBinder.ARCHITECTURE_FIELDS);
    add(m, "pricing.arm64", PricingBinder.ARCHITECTURE_FIELDS);
    add(m, "distribution", List.of("dist"));
    DistributionBinder.PARAMETERS.forEach((dist, sets) -> {
      for (List<String> set : sets) {
        // Percentiles take any p<number> key (the schema's patternProperties), no fixed fields.
        add(m, "distribution[dist=" + dist + "]",
            concat(List.of("dist"), dist.equals("percentiles") ? List.of() : set));
      }
    });
    for (String kind : TrafficBinder.KINDS) {
      add(m, "traffic", List.of(kind));
      if (!kind.equals("trace")) {
        add(m, "traffic." + kind, TrafficBinder.KIND_FIELDS.get(kind));
      }
    }
    add(m, "traffic.mmpp.states", TrafficBinder.STATE_FIELDS);
    for (TraceFormat format : TraceFormat.values()) {
      add(m, "traffic.trace[format=" + format.label() + "]",
          concat(TraceSourceBinder.COMMON_FIELDS, TraceSourceBinder.FORMAT_FIELDS.get(format)));
    }
    add(m, "function", FunctionBinder.FIELDS);
    add(m, "function.init", FunctionBinder.INIT_FIELDS);
    add(m, "function.provisionedConcurrency", ProvisionedBinder.FIELDS);
    add(m, "function.provisionedConcurrency.schedule", ProvisionedBinder.ACTION_FIELDS);
    add(m, "function.provisionedConcurrency.autoscaling", ProvisionedBinder.AUTOSCALING_FIELDS);
    add(m, "function.sqs", InvocationBinder.SQS_FIELDS);
    add(m, "function.stream", InvocationBinder.STREAM_FIELDS);
    add(m, "function.async", InvocationBinder.ASYNC_FIELDS);
    add(m, "function.retry", InvocationBinder.RETRY_FIELDS);
    add(m, "fleet", FleetBinder.FIELDS);
    for (TraceFormat format : formats(FleetBinder.FORMATS.names())) {
      List<String> fields = new ArrayList<>(concat(TraceSourceBinder.COMMON_FIELDS,
          TraceSourceBinder.FORMAT_FIELDS.get(format)));
      fields.remove(FleetBinder.NOT_IN_TRACE);
      if (format == TraceFormat.AZURE_2019) {
        fields.addAll(FleetSideFiles.KEYS);
      }
      add(m, "fleet.trace[format=" + format.label() + "]", fields);
    }
    add(m, "fleet.template", FleetOverrides.TEMPLATE_FIELDS);
    add(m, "fleet.overrides", FleetOverrides.OVERRIDE_FIELDS);
    for (String field : FromTrace.FIELDS) {
      add(m, "fleet.template." + field, FromTrace.KEYS);
      add(m, "fleet.overrides." + field, FromTrace.KEYS);
    }
    return m;
  }

  @Test
  void everyObjectHasExactlyTheLoadersFields() {
    Map<String, List<Set<String>>> schema = new TreeMap<>();
    for (Site site : SITES) {
      if (site.node().has("properties")) {
        add(schema, site.key(), names(site.node().get("properties").fieldNames()));
      }
    }
    Map<String, List<Set<String>>> loader = loaderObjects();
    assertThat(schema.keySet()).as("objects of the schema").isEqualTo(loader.keySet());
    schema.forEach((key, sets) -> assertThat(sets).as("fields of %s", key)
        .containsExactlyInAnyOrderElementsOf(loader.get(key)));
  }

  @Test
  void percentilesTakeAnyPercentileKey() {
    Site percentiles = SITES.stream().filter(s -> s.key().equals("distribution[dist=percentiles]"))
        .findFirst().orElseThrow();
    assertThat(percentiles.node().get("patternProperties").fieldNames().next())
        .isEqualTo("^p(100|[1-9]?[0-9])(\\.[0-9]+)?$");
  }

  // ---- Choices: every enum and const names exactly the loader's options.

  private static Map<String, List<String>> loaderChoices() {
    Map<String, List<String>> m = new TreeMap<>();
    m.put("account.scaling", AccountBinder.MODELS.names());
    m.put("account.scaling.model", AccountBinder.MODELS.names());
    m.put("distribution.dist", DistributionBinder.DISTS.names());
    m.put("traffic.trace.format", TraceSourceBinder.FORMATS.names());
    m.put("traffic.trace.unit", TraceSourceBinder.UNITS.names());
    m.put("traffic.trace.durationUnit", TraceSourceBinder.UNITS.names());
    m.put("traffic.trace.withinMinute", TraceSourceBinder.WITHIN.names());
    m.put("traffic.trace.withinPeriod", TraceSourceBinder.WITHIN.names());
    m.put("traffic.trace.onBadRow", TraceSourceBinder.ON_BAD_ROW.names());
    m.put("function.architecture", FunctionBinder.ARCHITECTURES.names());
    m.put("function.reuse", FunctionBinder.REUSE.names());
    m.put("function.invocation", InvocationBinder.TYPES.names());
    m.put("function.provisionedConcurrency.autoscaling.statistic", ProvisionedBinder.STATISTICS.names());
    m.put("function.provisionedConcurrency.allocationRamp", ProvisionedBinder.RAMPS.names());
    m.put("function.sqs.scaling", InvocationBinder.SQS_SCALING.names());
    m.put("function.stream.source", InvocationBinder.STREAM_SOURCES.names());
    m.put("function.stream.routing", InvocationBinder.ROUTINGS.names());
    m.put("function.stream.maxRecordAge", List.of(String.valueOf(StreamSpec.INFINITE_RECORD_AGE)));
    m.put("fleet.trace.format", FleetBinder.FORMATS.names());
    m.put("fleet.trace.withinMinute", TraceSourceBinder.WITHIN.names());
    m.put("fleet.trace.onBadRow", TraceSourceBinder.ON_BAD_ROW.names());
    m.put("fleet.trace.memoryStatistic", FleetSideFiles.STATISTICS.names());
    for (String field : FromTrace.FIELDS) {
      m.put("fleet.template." + field + ".from", List.of(FromTrace.WORD));
      m.put("fleet.overrides." + field + ".from", List.of(FromTrace.WORD));
    }
    return m;
  }

  @Test
  void everyEnumAndConstNamesTheLoadersOptions() {
    Map<String, List<String>> loader = loaderChoices();
    Set<String> seen = new HashSet<>();
    for (Site site : SITES) {
      String key = site.plainKey();
      if (site.node().has("enum")) {
        seen.add(key);
        assertThat(texts(site.node().get("enum"))).as("enum of %s", site.key())
            .isEqualTo(loader.get(key));
      }
      if (site.node().has("const")) {
        seen.add(key);
        assertThat(loader.get(key)).as("options of %s", site.key())
            .contains(site.node().get("const").asText());
      }
    }
    assertThat(seen).as("fields with a choice").isEqualTo(loader.keySet());
    // Every option appears as some branch's const where the schema spells them out as branches.
    for (String key : List.of("account.scaling.model", "distribution.dist", "traffic.trace.format",
        "fleet.trace.format")) {
      Set<String> consts = new LinkedHashSet<>();
      SITES.stream().filter(s -> s.plainKey().equals(key) && s.node().has("const"))
          .forEach(s -> consts.add(s.node().get("const").asText()));
      assertThat(consts).as("branches of %s", key).containsExactlyInAnyOrderElementsOf(loader.get(key));
    }
  }

  // ---- Defaults: writing a field's default loads exactly what leaving it out does.

  /**
   * The optional fields without a default, and why: their absence means "none" or is worked out
   * from other fields, so no value written in the file means the same.
   */
  private static final Map<String, String> WITHOUT_DEFAULT = withoutDefault();

  private static Map<String, String> withoutDefault() {
    Map<String, String> m = new TreeMap<>();
    m.put("duration", "taken from the traffic when every source ends");
    m.put("functions", "none when there is a fleet");
    m.put("account", "a block: each of its fields has a default");
    m.put("pricing", "a block: each of its fields has a default");
    m.put("fleet", "none: the functions are those written");
    m.put("pricing.x86_64", "a block: each of its fields has a default");
    m.put("pricing.arm64", "a block: each of its fields has a default");
    for (String kind : List.of("poisson", "constant", "spike", "diurnal", "periodic", "mmpp")) {
      m.put("traffic." + kind + ".to", "open: the source has no end");
    }
    for (TraceFormat format : TraceFormat.values()) {
      m.put("traffic.trace[format=" + format.label() + "].to", "open: the trace plays to its end");
    }
    m.put("traffic.trace[format=timestamps].duration", "none: handler time from the function");
    m.put("traffic.trace[format=timestamps].durationUnit", "the unit of the timestamps");
    for (String format : List.of("azure-2019", "azure-2021", "cloudwatch")) {
      m.put("traffic.trace[format=" + format + "].function", "none: every row");
    }
    m.put("traffic.trace[format=azure-2019].durations", "none: handler time from the function");
    m.put("traffic.trace[format=cloudwatch].period", "inferred from the datapoints");
    m.put("function.referenceMemoryMb", "the function's own memoryMb");
    m.put("function.init", "a block: each of its fields has a default");
    m.put("function.reservedConcurrency", "none: the function shares the unreserved pool");
    m.put("function.sqs", "a block: each of its fields has a default");
    m.put("function.stream", "a block: each of its fields has a default");
    m.put("function.async", "a block: each of its fields has a default");
    m.put("function.retry", "none: a throttled call fails at once");
    m.put("function.provisionedConcurrency.fixed", "the auto scaler's min, or 0");
    m.put("function.provisionedConcurrency.schedule", "none: no scheduled actions");
    m.put("function.provisionedConcurrency.autoscaling", "none: no target tracking");
    m.put("function.provisionedConcurrency.schedule.repeat", "none: the action happens once");
    for (String field : List.of("value", "min", "max")) {
      m.put("function.provisionedConcurrency.schedule." + field, "none: left as it is");
    }
    m.put("function.sqs.maximumConcurrency", "none: only the pollers' own cap");
    m.put("function.sqs.maxReceiveCount", "none: no redrive to a dead-letter queue");
    m.put("function.stream.onFailure", "none: no on-failure destination");
    for (String field : List.of("onSuccess", "onFailure", "deadLetter")) {
      m.put("function.async." + field, "none: no destination");
    }
    m.put("fleet.overrides", "none: every function is the template");
    for (String format : List.of("azure-2019", "azure-2021")) {
      m.put("fleet.trace[format=" + format + "].to", "open: the trace plays to its end");
    }
    m.put("fleet.trace[format=azure-2019].durations", "none: handler time from the template");
    m.put("fleet.trace[format=azure-2019].memory", "none: memory from the template");
    // A template's and an override's fields are the function's, with the function's defaults.
    for (String field : FleetOverrides.TEMPLATE_FIELDS) {
      m.put("fleet.template." + field, "the function field's default");
      m.put("fleet.overrides." + field, "the function field's default");
    }
    for (String field : FromTrace.FIELDS) {
      m.put("fleet.template." + field + ".default", "none: a missing row is an error");
      m.put("fleet.overrides." + field + ".default", "none: a missing row is an error");
    }
    return m;
  }

  /**
   * A scenario where the fields of an object can be set, the path of that object, and the
   * scenario to probe bounds in (where a field's range is not narrowed by another's value).
   */
  private record Context(String yaml, String path, String boundsYaml) {

    Context(String yaml, String path) {
      this(yaml, path, yaml);
    }
  }

  private static final String MINIMAL = Scenarios.MINIMAL;
  /** An account large enough that any provisioned value fits in it. */
  private static final String LARGE_ACCOUNT =
      "account: {concurrencyLimit: 1000000, unreservedMinimum: 0}\n";

  private static String traffic(String item) {
    return MINIMAL.replace("poisson: {rate: 1/s}", item);
  }

  /** Returns where each object whose fields have defaults or bounds is set. */
  private static Map<String, Context> contexts() {
    Map<String, Context> m = new TreeMap<>();
    m.put("", new Context(MINIMAL, ""));
    // The unreserved minimum may reach only the limit: probe it under the largest limit.
    m.put("account", new Context(MINIMAL, "account",
        MINIMAL + "account: {concurrencyLimit: 1000000}\n"));
    for (ScalingModel model : ScalingModel.values()) {
      m.put("account.scaling[model=" + model.label() + "]", new Context(
          MINIMAL + "account: {scaling: {model: " + model.label() + "}}\n", "account.scaling"));
    }
    m.put("pricing", new Context(MINIMAL, "pricing"));
    m.put("pricing.x86_64", new Context(MINIMAL, "pricing.x86_64"));
    m.put("pricing.arm64", new Context(MINIMAL, "pricing.arm64"));
    m.put("distribution[dist=lognormal]", new Context(MINIMAL.replace("{dist: constant, value: 10ms}",
        "{dist: lognormal, mu: 1, sigma: 1}"), "functions[0].duration"));
    for (String dist : List.of("gamma", "weibull")) {
      m.put("distribution[dist=" + dist + "]", new Context(MINIMAL.replace(
          "{dist: constant, value: 10ms}", "{dist: " + dist + ", shape: 2, scale: 1ms}"),
          "functions[0].duration"));
    }
    String kinds = "functions[0].traffic[0].";
    m.put("traffic.poisson", new Context(MINIMAL, kinds + "poisson"));
    m.put("traffic.constant", new Context(traffic("constant: {rate: 1/s}"), kinds + "constant"));
    m.put("traffic.burst", new Context(traffic("burst: {at: 1m, count: 1}"), kinds + "burst"));
    m.put("traffic.ramp", new Context(traffic("ramp: {from: 1/s, to: 2/s, end: 10m}"), kinds + "ramp"));
    m.put("traffic.spike", new Context(traffic("spike: {at: 1m, rate: 1/s, for: 1m}"), kinds + "spike"));
    m.put("traffic.diurnal", new Context(traffic("diurnal: {mean: 1/s, amplitude: 0.5, peakAt: 1h}"),
        kinds + "diurnal"));
    m.put("traffic.periodic", new Context(traffic("periodic: {every: 1m}"), kinds + "periodic"));
    m.put("traffic.mmpp", new Context(traffic("mmpp: {states: [{rate: 1/s, meanHold: 1m}, "
        + "{rate: 2/s, meanHold: 1m}]}"), kinds + "mmpp"));
    m.put("traffic.trace[format=timestamps]", new Context(traffic(
        "trace: {file: ts.csv, format: timestamps, unit: s}"), kinds + "trace"));
    m.put("traffic.trace[format=azure-2019]", new Context(traffic(
        "trace: {file: d01.csv, format: azure-2019}"), kinds + "trace"));
    m.put("traffic.trace[format=azure-2021]", new Context(traffic(
        "trace: {file: a21.csv, format: azure-2021}"), kinds + "trace"));
    m.put("traffic.trace[format=cloudwatch]", new Context(traffic(
        "trace: {file: cw.json, format: cloudwatch}"), kinds + "trace"));
    m.put("function", new Context(MINIMAL, "functions[0]"));
    m.put("function.init", new Context(MINIMAL, "functions[0].init"));
    m.put("function.provisionedConcurrency", new Context(LARGE_ACCOUNT
        + Scenarios.withFunctionLines("provisionedConcurrency: {fixed: 1}"),
        "functions[0].provisionedConcurrency"));
    m.put("function.provisionedConcurrency.schedule", new Context(LARGE_ACCOUNT
        + Scenarios.withFunctionLines("provisionedConcurrency: {schedule: [{at: 1m, value: 1}]}"),
        "functions[0].provisionedConcurrency.schedule[0]"));
    m.put("function.provisionedConcurrency.autoscaling", new Context(LARGE_ACCOUNT
        + Scenarios.withFunctionLines("provisionedConcurrency: {autoscaling: {max: 1000000}}"),
        "functions[0].provisionedConcurrency.autoscaling"));
    m.put("function.sqs", new Context(Scenarios.withFunctionLines("invocation: sqs",
        "sqs: {maxReceiveCount: 5}"), "functions[0].sqs"));
    m.put("function.stream", new Context(Scenarios.withFunctionLines("invocation: stream"),
        "functions[0].stream"));
    m.put("function.async", new Context(MINIMAL, "functions[0].async"));
    m.put("function.retry", new Context(Scenarios.withFunctionLines("retry: {}"), "functions[0].retry"));
    String fleet2021 = "name: f\nduration: 1m\nfleet:\n  trace: {file: a21.csv, format: azure-2021}\n"
        + "  template: {duration: {dist: constant, value: 10ms}}\n";
    m.put("fleet", new Context(fleet2021, "fleet"));
    m.put("fleet.trace[format=azure-2021]", new Context(fleet2021, "fleet.trace"));
    m.put("fleet.trace[format=azure-2019]", new Context("name: f\nduration: 1m\nfleet:\n"
        + "  trace: {file: d01.csv, format: azure-2019, memory: mem.csv}\n"
        + "  template: {memoryMb: {from: trace, default: 512}, duration: {dist: constant, value: 10ms}}\n",
        "fleet.trace"));
    return m;
  }

  @BeforeEach
  void traces() throws IOException {
    write("ts.csv", "t\n1\n");
    StringBuilder d01 = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    StringBuilder row = new StringBuilder("o,a,f,http");
    for (int minute = 1; minute <= 1440; minute++) {
      d01.append(',').append(minute);
      row.append(',').append(minute == 1 ? 1 : 0);
    }
    write("d01.csv", d01 + "\n" + row + "\n");
    write("a21.csv", "app,func,end_timestamp,duration\na,x,1.5,0.5\n");
    write("cw.json", "{\"Datapoints\": [{\"Timestamp\": 0, \"Sum\": 1}, {\"Timestamp\": 60, \"Sum\": 1}]}");
    write("mem.csv", "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,"
        + "AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,"
        + "AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,"
        + "AverageAllocatedMb_pct100\no,a,1,100,100,100,100,100,100,100,100,100\n");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Returns every field with a schema default. */
  static Stream<Site> defaults() {
    return SITES.stream().filter(s -> !s.item() && s.node().has("default"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void defaults(Site site) throws Exception {
    Context context = contexts().get(site.parentKey());
    assertThat(context).as("a context for %s", site.parentKey()).isNotNull();
    String set = join(context.path(), site.name()) + "=" + flow(site.node().get("default"));
    assertThat(comparable(load(context.yaml(), set))).as(set)
        .isEqualTo(comparable(load(context.yaml())));
  }

  @Test
  void everyOptionalFieldHasADefaultOrIsListedWithoutOne() {
    Set<String> without = new HashSet<>();
    for (Site site : SITES) {
      if (!site.node().has("properties")) {
        continue;
      }
      Set<String> required = names(site.node().path("required").elements());
      site.node().get("properties").fields().forEachRemaining(p -> {
        String key = site.key().isEmpty() ? p.getKey() : site.key() + "." + p.getKey();
        if (!required.contains(p.getKey()) && !p.getValue().has("default")
            && !p.getValue().has("const")) {
          without.add(key);
        }
      });
    }
    assertThat(without).as("optional fields without a default")
        .containsExactlyInAnyOrderElementsOf(WITHOUT_DEFAULT.keySet());
  }

  // ---- Bounds: a stated minimum or maximum is where the loader's range ends.

  /** Returns every numeric field (or numeric list item) of the schema. */
  static Stream<Site> numbers() {
    return SITES.stream().filter(s -> s.node().path("type").asText().matches("integer|number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void numbers(Site site) throws Exception {
    Site field = site.item() ? parentOf(site) : site;
    Context context = contexts().get(field.parentKey());
    assertThat(context).as("a context for %s", field.parentKey()).isNotNull();
    boolean integer = site.node().get("type").asText().equals("integer");
    BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.000001");
    JsonNode n = site.node();
    if (n.has("minimum")) {
      BigDecimal min = n.get("minimum").decimalValue();
      assertBound(context, field, site.item(), min, "is below the minimum " + plain(min), false);
      assertBound(context, field, site.item(), min.subtract(step), "is below the minimum " + plain(min), true);
    } else if (n.has("exclusiveMinimum")) {
      BigDecimal min = n.get("exclusiveMinimum").decimalValue();
      assertBound(context, field, site.item(), min.add(step), "must be greater than " + plain(min), false);
      assertBound(context, field, site.item(), min, "must be greater than " + plain(min), true);
    } else {
      assertBound(context, field, site.item(), new BigDecimal("-1e18"), "is below the minimum", false);
    }
    if (n.has("maximum")) {
      BigDecimal max = n.get("maximum").decimalValue();
      assertBound(context, field, site.item(), max, "is above the maximum " + plain(max), false);
      assertBound(context, field, site.item(), max.add(step), "is above the maximum " + plain(max), true);
    } else {
      assertBound(context, field, site.item(), new BigDecimal("1e18"), "is above the maximum", false);
    }
  }

  /**
   * Asserts whether setting the field to {@code value} makes the loader report {@code message}
   * at the field (for a list, at its first item, the others keeping their defaults).
   */
  private void assertBound(Context context, Site field, boolean item, BigDecimal value,
      String message, boolean reported) throws IOException {
    String path = join(context.path(), field.name());
    String set;
    if (item) {
      List<String> items = new ArrayList<>();
      field.node().get("default").forEach(d -> items.add(plain(d.decimalValue())));
      items.set(0, plain(value));
      set = path + "=[" + String.join(", ", items) + "]";
      path = path + "[0]";
    } else {
      set = path + "=" + plain(value);
    }
    String at = path;
    List<Problem> problems = problems(context.boundsYaml(), set);
    boolean found = problems.stream()
        .anyMatch(p -> p.path().equals(at) && p.message().contains(message));
    assertThat(found).as("%s: '%s' at %s among %s", set, message, at, problems).isEqualTo(reported);
  }

  private static Site parentOf(Site item) {
    return SITES.stream().filter(s -> s.key().equals(item.key()) && !s.item()
        && s.node().has("items")).findFirst().orElseThrow();
  }

  // ---- Helpers.

  private Scenario load(String yaml, String... overrides) throws Exception {
    return new ScenarioLoader().parse("x.yaml", yaml, dir, List.of(overrides));
  }

  private List<Problem> problems(String yaml, String... overrides) {
    try {
      load(yaml, overrides);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems();
    } catch (Exception e) {
      return fail("unexpected " + e);
    }
  }

  /** Returns what two loads must agree on: a fleet's shared replay is compared by its contents. */
  private static List<Object> comparable(Scenario s) {
    List<Object> out = new ArrayList<>(List.of(s.name(), s.description(), s.seed(),
        s.durationNanos(), s.warmupNanos(), s.metricsPeriodNanos(), s.account(), s.pricing()));
    for (FunctionSpec f : s.functions()) {
      out.add(f.withTraffic(List.of()));
      for (TrafficSpec t : f.traffic()) {
        out.add(t instanceof TrafficSpec.Fleet fleet ? List.of(fleet.index(), replay(fleet.replay())) : t);
      }
    }
    return out;
  }

  private static List<Object> replay(FleetReplay r) {
    List<Object> out = new ArrayList<>(List.of(r.options(), r.offsetNanos(), r.fromNanos(),
        r.toNanos(), r.rowsSkipped(), r.durationDefaults(), r.memoryDefaults()));
    for (int i = 0; i < r.size(); i++) {
      out.add(List.of(r.originalId(i), r.name(i), r.listed(i)));
    }
    return out;
  }

  /** Returns a JSON value as a YAML flow value that reads back the same (numbers written plainly). */
  private static String flow(JsonNode v) {
    if (v.isNumber()) {
      return plain(v.decimalValue());
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(flow(i)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isObject()) {
      List<String> entries = new ArrayList<>();
      v.fields().forEachRemaining(e -> entries.add(e.getKey() + ": " + flow(e.getValue())));
      return "{" + String.join(", ", entries) + "}";
    }
    return v.toString();
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static void add(Map<String, List<Set<String>>> m, String key, Collection<String> fields) {
    m.computeIfAbsent(key, k -> new ArrayList<>()).add(new HashSet<>(fields));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> names(Iterator<?> it) {
    Set<String> out = new HashSet<>();
    it.forEachRemaining(x -> out.add(x instanceof JsonNode j ? j.asText() : x.toString()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<TraceFormat> formats(List<String> labels) {
    return labels.stream().map(l -> TraceFormat.named(l).orElseThrow()).toList();
  }
}
