package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder becomes a self-contained report: every referenced chart exists and is a real,
 * non-blank image, every chart written is referenced, and input text is escaped.
 */
final class RunReportTest {
  private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]+)\"");
  private static final Pattern SVG_HREF = Pattern.compile("<a class=\"svg\" href=\"([^\"]+)\"");
  private static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path dir;

  @Test
  void everyReferencedChartExistsAndEveryChartIsReferenced() throws IOException {
    RunFolder.write(dir, List.of("api", "worker"), 8, "plain");

    RunReport.write(dir);

    List<String> sources = sources(html());
    assertThat(sources).isNotEmpty().doesNotHaveDuplicates()
        .allSatisfy(src -> assertThat(src).startsWith("charts/").endsWith(".png"))
        .allSatisfy(src -> assertThat(dir.resolve(src)).isRegularFile());
    List<String> svgLinks = matches(SVG_HREF, html());
    assertThat(svgLinks).hasSameSizeAs(sources)
        .allSatisfy(href -> assertThat(dir.resolve(href)).isRegularFile());
    try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
      Set<String> written = files.map(f -> "charts/" + f.getFileName()).collect(Collectors.toSet());
      assertThat(written).containsExactlyInAnyOrderElementsOf(
          Stream.concat(sources.stream(), svgLinks.stream()).collect(Collectors.toList()));
    }
    // Two functions and the account: ten charts per function (with latency), nine for the account.
    assertThat(sources).hasSize(10 + 10 + 9);
  }

  @Test
  void chartsAreNonBlankPngsOfTheDeclaredSize() throws IOException {
    RunFolder.write(dir, List.of("api"), 6, "plain");

    RunReport.write(dir);

    for (String src : sources(html())) {
      BufferedImage image = ChartImages.assertDrawn(dir.resolve(src));
      assertThat(image.getHeight()).isEqualTo(ChartStyle.HEIGHT_PX);
    }
  }

  @Test
  void svgCopiesAreWellFormedDeterministicAndOfTheDeclaredSize() throws Exception {
    RunFolder.write(dir, List.of("api"), 6, "<script>x</script> & more");

    RunReport.write(dir);
    List<String> links = matches(SVG_HREF, html());
    java.util.Map<String, byte[]> first = new java.util.HashMap<>();
    for (String href : links) {
      first.put(href, Files.readAllBytes(dir.resolve(href)));
    }
    RunReport.write(dir);

    assertThat(links).isNotEmpty().allSatisfy(href -> assertThat(href).endsWith(".svg"));
    javax.xml.parsers.DocumentBuilderFactory factory =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    // The SVG names the SVG 1.1 DTD; the test must not fetch it.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (String href : links) {
      org.w3c.dom.Element root = factory.newDocumentBuilder()
          .parse(dir.resolve(href).toFile()).getDocumentElement();
      assertThat(root.getTagName()).as(href).isEqualTo("svg");
      assertThat(root.getAttribute("width")).startsWith(String.valueOf(ChartStyle.WIDTH_PX));
      assertThat(root.getAttribute("height")).startsWith(String.valueOf(ChartStyle.HEIGHT_PX));
      assertThat(root.getElementsByTagName("text").getLength()).as(href).isGreaterThan(3);
      assertThat(Files.readAllBytes(dir.resolve(href))).as(href).isEqualTo(first.get(href));
    }
  }

  @Test
  void inputTextIsEscapedEverywhere() throws IOException {
    RunFolder.write(dir, List.of("api"), 3, HOSTILE);

    RunReport.write(dir);

    String html = html();
    assertThat(html).doesNotContain(HOSTILE).doesNotContain("<b>api</b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;b&gt;api&lt;/b&gt;");
    assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script");
  }

  @Test
  void reportIsSelfContained() throws IOException {
    RunFolder.write(dir, List.of("api"), 3, "plain");

    RunReport.write(dir);

    String html = html();
    assertThat(html).doesNotContain("http://").doesNotContain("https://")
        .contains("<style>").doesNotContain("<link");
    assertThat(dir.resolve("report.html.tmp")).doesNotExist();
  }

  @Test
  void reportHasTheSummaryLedgerAndScenario() throws IOException {
    RunFolder.write(dir, List.of("api", "worker"), 4, "Why cold starts hurt.");

    RunReport.write(dir);

    String html = html();
    assertThat(html).contains("Why cold starts hurt.", "Conservation ledger", "All functions",
        "Throttles: ScalingRateExceeded", "1.21 %", "$0.001550", "under-provisioned",
        "name: test-run", "<figcaption>", ">yes<");
  }

  @Test
  void unbalancedLedgerIsFlagged() throws IOException {
    RunFolder.write(dir, List.of("api"), 2, "plain");
    Path summary = dir.resolve("summary.json");
    Files.writeString(summary, Files.readString(summary).replace("\"dropped\":0", "\"dropped\":7"));

    RunReport.write(dir);

    assertThat(html()).contains("class=\"bad\">NO<");
  }

  @Test
  void singlePeriodRunRenders() throws IOException {
    RunFolder.write(dir, List.of("api"), 1, "plain");

    RunReport.write(dir);

    assertThat(sources(html())).allSatisfy(src -> assertThat(dir.resolve(src)).isRegularFile());
  }

  @Test
  void runWithOnlyEmptyStatisticsAndMinimalSummaryRenders() throws IOException {
    Files.write(dir.resolve("metrics.csv"), List.of(RunFolder.HEADER,
        RunFolder.row(0, "api", 0, true), RunFolder.row(0, "*", 0, true)));
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"bare\"}");

    RunReport.write(dir);

    String html = html();
    assertThat(html).contains("bare", "n/a", "no scenario file");
    assertThat(sources(html)).hasSize(18)
        .allSatisfy(src -> assertThat(dir.resolve(src)).isRegularFile());
  }

  private String html() throws IOException {
    return Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
  }

  private static List<String> sources(String html) {
    return matches(IMG_SRC, html);
  }

  private static List<String> matches(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html);
    List<String> sources = new java.util.ArrayList<>();
    while (matcher.find()) {
      sources.add(matcher.group(1));
    }
    return sources;
  }
}
