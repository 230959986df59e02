package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds {@code account}: the concurrency limits and the scaling model. */
final class AccountBinder {

  static final List<String> FIELDS = List.of("concurrencyLimit", "unreservedMinimum", "scaling");

  /** The fields each scaling model takes, besides {@code model}. */
  static final Map<ScalingSpec.ScalingModel, List<String>> MODEL_FIELDS = Map.of(
      ScalingSpec.ScalingModel.PER_FUNCTION, List.of("bucketSize", "refillRate"),
      ScalingSpec.ScalingModel.LEGACY_BURST, List.of("initialBurst", "perMinute"),
      ScalingSpec.ScalingModel.UNLIMITED, List.of());

  private static final Map<String, ScalingSpec.ScalingModel> MODELS = models();

  private final Values values;

  AccountBinder(Values values) {
    this.values = values;
  }

  private static Map<String, ScalingSpec.ScalingModel> models() {
    Map<String, ScalingSpec.ScalingModel> m = new LinkedHashMap<>();
    for (ScalingSpec.ScalingModel model : ScalingSpec.ScalingModel.values()) {
      m.put(model.label(), model);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  AccountSpec bind(Node node, String path) {
    if (node == null) {
      return AccountSpec.defaults();
    }
    Fields f = Fields.of(node, path, values, FIELDS);
    Long limit = f.integer("concurrencyLimit", (long) AccountSpec.DEFAULT_CONCURRENCY_LIMIT, 1, 1_000_000);
    long limitOrMax = limit == null ? 1_000_000 : limit;
    Long unreserved = f.integer("unreservedMinimum",
        (long) Math.min(AccountSpec.DEFAULT_UNRESERVED_MINIMUM, limitOrMax), 0, limitOrMax);
    ScalingSpec scaling = f.has("scaling") ? scaling(f.node("scaling"), f.path("scaling")) : ScalingSpec.perFunction();
    return new AccountSpec(limit == null ? AccountSpec.DEFAULT_CONCURRENCY_LIMIT : limit.intValue(),
        unreserved == null ? 0 : unreserved.intValue(), scaling == null ? ScalingSpec.perFunction() : scaling);
  }

  private ScalingSpec scaling(Node node, String path) {
    if (!(node instanceof Node.Mapping mapping)) {
      ScalingSpec.ScalingModel model = values.choice(node, path, MODELS);
      return model == null ? null : withDefaults(model);
    }
    Node modelNode = mapping.values().get("model");
    if (modelNode == null) {
      values.problems().add(mapping.at(), Fields.join(path, "model"),
          "required field 'model' is missing (allowed " + String.join(" | ", MODELS.keySet()) + ")");
      return null;
    }
    ScalingSpec.ScalingModel model = values.choice(modelNode, Fields.join(path, "model"), MODELS);
    if (model == null) {
      return null;
    }
    List<String> own = MODEL_FIELDS.get(model);
    for (Map.Entry<String, Location> key : mapping.keys().entrySet()) {
      String k = key.getKey();
      if (k.equals("model") || own.contains(k)) {
        continue;
      }
      String owner = MODEL_FIELDS.entrySet().stream().filter(e -> e.getValue().contains(k))
          .map(e -> e.getKey().label()).findFirst().orElse(null);
      String ownFields = own.isEmpty() ? "none" : String.join(", ", own);
      values.problems().add(key.getValue(), Fields.join(path, k), owner != null
          ? "'" + k + "' belongs to model " + owner + ", not " + model.label() + " (its fields: " + ownFields + ")"
          : "unknown field '" + k + "'" + Spelling.suggest(k, own) + "; model " + model.label()
              + " takes: model" + (own.isEmpty() ? "" : ", " + ownFields));
    }
    ScalingSpec d = ScalingSpec.perFunction();
    switch (model) {
      case PER_FUNCTION: {
        Long bucket = integer(mapping, path, "bucketSize", d.bucketSize());
        Double refill = mapping.values().containsKey("refillRate")
            ? values.rate(mapping.values().get("refillRate"), Fields.join(path, "refillRate"))
            : Double.valueOf(d.refillPerSecond());
        return bucket == null || refill == null ? null : new ScalingSpec(model, bucket.intValue(),
            refill, d.initialBurst(), d.perMinute());
      }
      case LEGACY_BURST: {
        Long burst = integer(mapping, path, "initialBurst", d.initialBurst());
        Long perMinute = integer(mapping, path, "perMinute", d.perMinute());
        return burst == null || perMinute == null ? null
            : ScalingSpec.legacyBurst(burst.intValue(), perMinute.intValue());
      }
      default:
        return ScalingSpec.unlimited();
    }
  }

  private Long integer(Node.Mapping mapping, String path, String key, long absent) {
    Node n = mapping.values().get(key);
    return n == null ? Long.valueOf(absent) : values.integer(n, Fields.join(path, key), 1, 1_000_000);
  }

  private static ScalingSpec withDefaults(ScalingSpec.ScalingModel model) {
    return switch (model) {
      case PER_FUNCTION -> ScalingSpec.perFunction();
      case LEGACY_BURST -> ScalingSpec.legacyBurst(ScalingSpec.DEFAULT_INITIAL_BURST, ScalingSpec.DEFAULT_PER_MINUTE);
      case UNLIMITED -> ScalingSpec.unlimited();
    };
  }
}
