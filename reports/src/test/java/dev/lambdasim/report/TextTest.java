package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Escaping, number formatting, file name stems and provisioning marks are fixed text rules. */
final class TextTest {

  @Test
  void escapesMarkupAndQuotes() {
    assertThat(HtmlText.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(HtmlText.escape("a&b \"c\" 'd'")).isEqualTo("a&amp;b &quot;c&quot; &#39;d&#39;");
    assertThat(HtmlText.escape("x\u0000y\n")).isEqualTo("x\uFFFDy\n");
    assertThat(HtmlText.escape(null)).isEmpty();
  }

  @Test
  void numbersUseUsFormattingRegardlessOfLocale() {
    assertThat(NumberText.count(1234567)).isEqualTo("1,234,567");
    assertThat(NumberText.decimal(1234.5, 1)).isEqualTo("1,234.5");
    assertThat(NumberText.percentOfFraction(0.0121)).isEqualTo("1.21 %");
    assertThat(NumberText.usd(0.00155)).isEqualTo("$0.001550");
    assertThat(NumberText.usd(1234.5)).isEqualTo("$1,234.50");
    assertThat(NumberText.count(Double.NaN)).isEqualTo(NumberText.ABSENT);
    assertThat(NumberText.axisFormat().format(12345.678)).isEqualTo("12,345.678");
  }

  @Test
  void fileStemsAreSafeAndUnique() {
    assertThat(ChartFile.stem(1, "../etc/<x>")).isEqualTo("f01-___etc__x_");
    assertThat(ChartFile.stem(2, "api")).isEqualTo("f02-api");
    assertThat(ChartFile.stem(3, "a".repeat(500))).hasSize(64);
  }

  @Test
  void provisioningMarks() {
    assertThat(ProvisioningVerdict.of(Double.NaN, 5, 0)).isEqualTo("no provisioned concurrency");
    assertThat(ProvisioningVerdict.of(10, 4, 0)).startsWith("over-provisioned");
    assertThat(ProvisioningVerdict.of(10, 12, 3)).startsWith("under-provisioned");
    assertThat(ProvisioningVerdict.of(10, 10, 0)).isEqualTo("matched");
    assertThat(ProvisioningVerdict.utilisation(5, 10, 100)).isEqualTo(0.5);
    assertThat(ProvisioningVerdict.utilisation(5, 0, 20)).isEqualTo(0.25);
    assertThat(ProvisioningVerdict.utilisation(5, 0, Double.NaN)).isNaN();
  }
}
