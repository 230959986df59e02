package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.ScalingSpec.ScalingModel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Binds {@code account}: the concurrency limits and the scaling model. */
final class AccountBinder {

  static final List<String> FIELDS = List.of("concurrencyLimit", "unreservedMinimum", "scaling");
  static final Labels<ScalingModel> MODELS = Labels.of(ScalingModel.values(), ScalingModel::label);
  /** The fields each scaling model takes, besides {@code model}. */
  static final Map<ScalingModel, List<String>> MODEL_FIELDS = Collections.unmodifiableMap(
      new EnumMap<>(Map.of(
          ScalingModel.PER_FUNCTION, List.of("bucketSize", "refillRate"),
          ScalingModel.LEGACY_BURST, List.of("initialBurst", "perMinute"),
          ScalingModel.UNLIMITED, List.of())));
  /** The largest concurrency (or count of environments) any field may give. */
  static final int MAX_COUNT = 1_000_000;

  private final Values values;

  AccountBinder(Values values) {
    this.values = values;
  }

  /** Returns the account (the defaults when {@code node} is null), or the mark of a reported one. */
  Bound<AccountSpec> bind(Node node, String path) {
    if (node == null) {
      return Bound.of(AccountSpec.defaults());
    }
    Fields f = Fields.of(node, path, values, FIELDS);
    Bound<Long> limit = f.integer("concurrencyLimit", (long) AccountSpec.DEFAULT_CONCURRENCY_LIMIT,
        1, MAX_COUNT);
    // The unreserved minimum cannot exceed the limit; an unknown limit bounds it by the largest.
    long limitOrMax = limit.or((long) MAX_COUNT);
    Bound<Long> unreserved = f.integer("unreservedMinimum",
        Math.min((long) AccountSpec.DEFAULT_UNRESERVED_MINIMUM, limitOrMax), 0, limitOrMax);
    Bound<ScalingSpec> scaling = f.optional("scaling", ScalingSpec.perFunction(), this::scaling);
    if (!Bound.allOk(limit, unreserved, scaling)) {
      return Bound.reported();
    }
    return Bound.of(new AccountSpec(limit.get().intValue(), unreserved.get().intValue(),
        scaling.get()));
  }

  private Bound<ScalingSpec> scaling(Node node, String path) {
    if (!(node instanceof Node.Mapping mapping)) {
      return values.choice(node, path, MODELS).map(AccountBinder::withDefaults);
    }
    Node modelNode = mapping.values().get("model");
    if (modelNode == null) {
      values.problems().add(mapping.at(), Fields.join(path, "model"),
          "required field 'model' is missing (allowed " + MODELS.joined(" | ") + ")");
      return Bound.reported();
    }
    return values.choice(modelNode, Fields.join(path, "model"), MODELS)
        .then(model -> scaling(model, mapping, path));
  }

  private Bound<ScalingSpec> scaling(ScalingModel model, Node.Mapping mapping, String path) {
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
          ? Node.clipped(k, true) + " belongs to model " + owner + ", not " + model.label() + " (its fields: " + ownFields + ")"
          : "unknown field " + Node.clipped(k, true) + Spelling.suggest(k, own) + "; model " + model.label()
              + " takes: model" + (own.isEmpty() ? "" : ", " + ownFields));
    }
    switch (model) {
      case PER_FUNCTION: {
        Bound<Long> bucket = count(mapping, path, "bucketSize", ScalingSpec.DEFAULT_BUCKET_SIZE);
        Node refillNode = mapping.values().get("refillRate");
        Bound<Double> refill = refillNode == null
            ? Bound.of(ScalingSpec.DEFAULT_REFILL_PER_SECOND)
            : values.rate(refillNode, Fields.join(path, "refillRate"));
        if (!Bound.allOk(bucket, refill)) {
          return Bound.reported();
        }
        return Bound.of(new ScalingSpec(model, bucket.get().intValue(), refill.get(),
            ScalingSpec.DEFAULT_INITIAL_BURST, ScalingSpec.DEFAULT_PER_MINUTE));
      }
      case LEGACY_BURST: {
        Bound<Long> burst = count(mapping, path, "initialBurst", ScalingSpec.DEFAULT_INITIAL_BURST);
        Bound<Long> perMinute = count(mapping, path, "perMinute", ScalingSpec.DEFAULT_PER_MINUTE);
        if (!Bound.allOk(burst, perMinute)) {
          return Bound.reported();
        }
        return Bound.of(ScalingSpec.legacyBurst(burst.get().intValue(), perMinute.get().intValue()));
      }
      default:
        return Bound.of(ScalingSpec.unlimited());
    }
  }

  private Bound<Long> count(Node.Mapping mapping, String path, String key, long absent) {
    Node n = mapping.values().get(key);
    return n == null ? Bound.of(absent) : values.integer(n, Fields.join(path, key), 1, MAX_COUNT);
  }

  private static ScalingSpec withDefaults(ScalingModel model) {
    return switch (model) {
      case PER_FUNCTION -> ScalingSpec.perFunction();
      case LEGACY_BURST -> ScalingSpec.legacyBurst(ScalingSpec.DEFAULT_INITIAL_BURST,
          ScalingSpec.DEFAULT_PER_MINUTE);
      case UNLIMITED -> ScalingSpec.unlimited();
    };
  }
}
