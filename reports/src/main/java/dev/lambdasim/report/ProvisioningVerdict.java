package dev.lambdasim.report;

import java.util.Locale;

/**
 * The Lambda-Insights-style mark for provisioned concurrency: over-provisioned when the peak
 * concurrency never reached what was provisioned (paid-for environments sat idle the whole run),
 * under-provisioned when requests spilled over to on-demand environments.
 */
final class ProvisioningVerdict {
  private ProvisioningVerdict() {}

  static String of(double provisioned, double peakConcurrency, double spilloverInvocations) {
    if (Double.isNaN(provisioned) || provisioned <= 0.0) {
      return "no provisioned concurrency";
    }
    if (spilloverInvocations > 0.0) {
      return String.format(Locale.US, "under-provisioned (%s spillover invocations)",
          NumberText.count(spilloverInvocations));
    }
    if (!Double.isNaN(peakConcurrency) && peakConcurrency < provisioned) {
      return String.format(Locale.US, "over-provisioned (peak %s of %s)",
          NumberText.count(peakConcurrency), NumberText.count(provisioned));
    }
    return "matched";
  }

  /** Returns mean concurrency as a fraction of the provisioned, else of the reserved, concurrency. */
  static double utilisation(double meanConcurrency, double provisioned, double reserved) {
    double capacity = provisioned > 0.0 ? provisioned : reserved;
    return Double.isNaN(capacity) || capacity <= 0.0 || Double.isNaN(meanConcurrency)
        ? Double.NaN
        : meanConcurrency / capacity;
  }
}
