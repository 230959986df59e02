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
  static final double MAX_REQUESTS_USD = 1e6;
  static final double MAX_GB_SECOND_USD = 1;
  /** Bounds free-tier GB-seconds and the items of the price and tier lists. */
  static final double MAX_AMOUNT = 1e15;

  private final Values values;

  PricingBinder(Values values) {
    this.values = values;
  }

  /** Returns the prices; a reported field takes its default, so that binding can go on. */
  PricingSpec bind(Node node, String path) {
    PricingSpec d = PricingSpec.defaults();
    if (node == null) {
      return d;
    }
    Fields f = Fields.of(node, path, values, FIELDS);
    Bound<Boolean> freeTier = f.bool("freeTier", d.freeTier());
    Bound<Boolean> billInit = f.bool("billInit", d.billInit());
    Bound<Double> requests = f.decimal("requestsPerMillionUsd", d.requestsPerMillionUsd(), 0,
        MAX_REQUESTS_USD);
    Bound<Long> freeRequests = f.integer("freeTierRequests", d.freeTierRequests(), 0, Long.MAX_VALUE);
    Bound<Double> freeGbSeconds = f.decimal("freeTierGbSeconds", d.freeTierGbSeconds(), 0,
        MAX_AMOUNT);
    PricingSpec.ArchitecturePrices x86 = prices(f, "x86_64", d.x86());
    PricingSpec.ArchitecturePrices arm = prices(f, "arm64", d.arm());
    return new PricingSpec(freeTier.or(d.freeTier()), billInit.or(d.billInit()),
        requests.or(d.requestsPerMillionUsd()), freeRequests.or(d.freeTierRequests()),
        freeGbSeconds.or(d.freeTierGbSeconds()), x86, arm);
  }

  private PricingSpec.ArchitecturePrices prices(Fields parent, String key,
      PricingSpec.ArchitecturePrices d) {
    if (!parent.has(key)) {
      return d;
    }
    Fields f = Fields.of(parent.node(key), parent.path(key), values, ARCHITECTURE_FIELDS);
    Bound<List<Double>> prices = f.optional("gbSecondUsd", d.gbSecondUsd(),
        (n, p) -> list(n, p, false));
    Bound<List<Double>> tiers = f.optional("tierGbSeconds", d.tierGbSeconds(),
        (n, p) -> list(n, p, true));
    Bound<Double> provisioned = f.decimal("provisionedGbSecondUsd", d.provisionedGbSecondUsd(), 0,
        MAX_GB_SECOND_USD);
    Bound<Double> provisionedDuration = f.decimal("provisionedDurationGbSecondUsd",
        d.provisionedDurationGbSecondUsd(), 0, MAX_GB_SECOND_USD);
    if (Bound.allOk(prices, tiers) && prices.get().size() != tiers.get().size() + 1) {
      // Point at whichever list the user wrote; both are theirs if both are written.
      String blame = f.has("gbSecondUsd") ? "gbSecondUsd" : "tierGbSeconds";
      values.report(f.node(blame), f.path(blame), "gbSecondUsd has " + prices.get().size()
          + " entries and tierGbSeconds " + tiers.get().size()
          + " (allowed: exactly one more price than tier bounds)");
    }
    return new PricingSpec.ArchitecturePrices(prices.or(d.gbSecondUsd()), tiers.or(d.tierGbSeconds()),
        provisioned.or(d.provisionedGbSecondUsd()),
        provisionedDuration.or(d.provisionedDurationGbSecondUsd()));
  }

  /** Returns a list of non-negative numbers; tier bounds must also ascend strictly. */
  private Bound<List<Double>> list(Node node, String path, boolean ascending) {
    if (!(node instanceof Node.Sequence seq)) {
      return values.reject(node, path, node.shown() + " is not a list of numbers >= 0");
    }
    Problems.Mark mark = values.mark();
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      Node item = seq.items().get(i);
      String itemPath = path + "[" + i + "]";
      Bound<Double> v = values.decimal(item, itemPath, 0, MAX_AMOUNT);
      if (v.isReported()) {
        continue;
      }
      if (ascending && !out.isEmpty() && v.get() <= out.get(out.size() - 1)) {
        values.report(item, itemPath, item.shown() + " is not above the previous tier bound "
            + BigDecimal.valueOf(out.get(out.size() - 1)).toPlainString() + " (allowed: ascending)");
      }
      out.add(v.get());
    }
    if (!ascending && out.isEmpty() && !mark.reportedSince()) {
      return values.reject(node, path, "the list is empty; at least 1 price is needed");
    }
    return Bound.unlessReportedSince(mark, () -> out);
  }
}
