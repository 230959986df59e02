package dev.lambdasim.scenario;

import dev.lambdasim.spec.PricingSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code pricing}: every field optional, each overriding one us-east-1 default. */
final class PricingBinder {

  static final List<String> FIELDS = List.of("freeTier", "billInit", "requestsPerMillionUsd",
      "freeTierRequests", "freeTierGbSeconds", "x86_64", "arm64");
  static final List<String> ARCHITECTURE_FIELDS = List.of("gbSecondUsd", "tierGbSeconds",
      "provisionedGbSecondUsd", "provisionedDurationGbSecondUsd");

  private final Values values;

  PricingBinder(Values values) {
    this.values = values;
  }

  PricingSpec bind(Node node, String path) {
    PricingSpec d = PricingSpec.defaults();
    if (node == null) {
      return d;
    }
    Fields f = Fields.of(node, path, values, FIELDS);
    Boolean freeTier = f.bool("freeTier", d.freeTier());
    Boolean billInit = f.bool("billInit", d.billInit());
    Double requests = f.decimal("requestsPerMillionUsd", d.requestsPerMillionUsd(), 0, 1e6);
    Long freeRequests = f.integer("freeTierRequests", d.freeTierRequests(), 0, Long.MAX_VALUE);
    Double freeGbSeconds = f.decimal("freeTierGbSeconds", d.freeTierGbSeconds(), 0, 1e15);
    PricingSpec.ArchitecturePrices x86 = prices(f, "x86_64", d.x86());
    PricingSpec.ArchitecturePrices arm = prices(f, "arm64", d.arm());
    return new PricingSpec(freeTier == null || freeTier, billInit == null || billInit,
        requests == null ? 0 : requests, freeRequests == null ? 0 : freeRequests,
        freeGbSeconds == null ? 0 : freeGbSeconds, x86, arm);
  }

  private PricingSpec.ArchitecturePrices prices(Fields parent, String key,
      PricingSpec.ArchitecturePrices d) {
    if (!parent.has(key)) {
      return d;
    }
    Fields f = Fields.of(parent.node(key), parent.path(key), values, ARCHITECTURE_FIELDS);
    List<Double> prices = f.has("gbSecondUsd") ? list(f, "gbSecondUsd", false) : d.gbSecondUsd();
    List<Double> tiers = f.has("tierGbSeconds") ? list(f, "tierGbSeconds", true) : d.tierGbSeconds();
    Double provisioned = f.decimal("provisionedGbSecondUsd", d.provisionedGbSecondUsd(), 0, 1);
    Double provisionedDuration = f.decimal("provisionedDurationGbSecondUsd",
        d.provisionedDurationGbSecondUsd(), 0, 1);
    if (prices != null && tiers != null && prices.size() != tiers.size() + 1) {
      // Point at whichever list the user wrote; both are theirs if both are written.
      String blame = f.has("gbSecondUsd") ? "gbSecondUsd" : "tierGbSeconds";
      values.report(f.node(blame), f.path(blame), "gbSecondUsd has " + prices.size()
          + " entries and tierGbSeconds " + tiers.size() + " (allowed: exactly one more price than tier bounds)");
    }
    return new PricingSpec.ArchitecturePrices(prices == null ? List.of() : prices,
        tiers == null ? List.of() : tiers, provisioned == null ? 0 : provisioned,
        provisionedDuration == null ? 0 : provisionedDuration);
  }

  /** Returns a list of non-negative numbers; tier bounds must also ascend strictly. */
  private List<Double> list(Fields f, String key, boolean ascending) {
    Node node = f.node(key);
    if (!(node instanceof Node.Sequence seq)) {
      values.report(node, f.path(key), node.shown() + " is not a list of numbers >= 0");
      return null;
    }
    List<Double> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < seq.items().size(); i++) {
      Node item = seq.items().get(i);
      String itemPath = f.path(key) + "[" + i + "]";
      Double v = values.decimal(item, itemPath, 0, 1e15);
      if (v == null) {
        ok = false;
        continue;
      }
      if (ascending && !out.isEmpty() && v <= out.get(out.size() - 1)) {
        values.report(item, itemPath, item.shown() + " is not above the previous tier bound "
            + BigDecimal.valueOf(out.get(out.size() - 1)).toPlainString() + " (allowed: ascending)");
        ok = false;
      }
      out.add(v);
    }
    if (!ascending && out.isEmpty() && ok) {
      values.report(node, f.path(key), "the list is empty; at least 1 price is needed");
      ok = false;
    }
    return ok ? out : null;
  }
}
