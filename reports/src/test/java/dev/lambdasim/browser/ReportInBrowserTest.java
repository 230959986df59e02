package dev.lambdasim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.report.RunReport;
import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.output.RunFolder;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.scenario.ScenarioLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run, and a comparison page, open in a real browser (Debian's headless
 * Chromium): the page is not blank, every image loads and decodes, the browser logs no error,
 * and the charts fit the window.
 * Each test is skipped, with the reason and the package to install, where /usr/bin/chromium is
 * absent; .ci/run installs it.
 *
 * <p>The screenshot is Chromium's own {@code --screenshot}. Images and errors are read through the
 * DevTools protocol over the JDK's WebSocket, because only a script in the page can tell a
 * decoded image from a broken one, and only the protocol reports every console message (no
 * new dependency). Two control pages show that the checks do catch a broken image and an error.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ReportInBrowserTest {
  private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]+)\"");

  private Path dir;
  private Path report;

  @BeforeAll
  void runScenario(@TempDir Path shared) throws Exception {
    dir = shared;
    if (!HeadlessChromium.installed()) {
      return; // each test is skipped with the reason, by skipUnlessChromiumIsInstalled
    }
    var scenario = new ScenarioLoader().load(Path.of("..", "scenarios", "01-cold-start-basics.yaml"));
    RunFolder.run(scenario, dir.resolve("out"), ProgressListener.none(), TimelineLimits.REPORT,
        (folder, result) -> RunReport.write(folder));
    report = dir.resolve("out").resolve(scenario.name()).resolve("report.html");
  }

  // Per test, not in @BeforeAll: a class aborted there reports no test at all, not six skipped.
  @BeforeEach
  void skipUnlessChromiumIsInstalled() {
    HeadlessChromium.assumeInstalled(HeadlessChromium.BINARY);
  }

  @Test
  void screenshotIsNotBlank() throws Exception {
    Path png = dir.resolve("screenshot.png");

    HeadlessChromium.screenshot(report, png, dir);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2000);
    // A blank page is one colour; a report has text, tables and charts in many.
    assertThat(nonWhiteShare(image)).isGreaterThan(0.05);
  }

  @Test
  void everyImageLoadsAndNothingIsLoggedAsAnError() throws Exception {
    PageCheck page = check(report);

    List<String> declared = sources(Files.readString(report, StandardCharsets.UTF_8));
    assertThat(declared).hasSizeGreaterThan(10);
    assertThat(page.images()).extracting(PageCheck.Image::src)
        .containsExactlyElementsOf(declared);
    assertThat(page.brokenImages()).isEmpty();
    assertThat(page.errors()).isEmpty();
  }

  @Test
  void chartsFitTheWindowAtALegibleSize() throws Exception {
    PageCheck page = check(report);

    assertThat(page.scrollWidth()).isLessThanOrEqualTo(page.windowWidth());
    // The charts are drawn 900 px wide for a 960 px column: at this width they show at full
    // size (plus their 1 px border), not shrunk.
    assertThat(page.images()).allSatisfy(i -> assertThat(i.shownWidthPx()).isBetween(900.0, 902.0));
  }

  @Test
  void comparisonPageLoadsCleanly() throws Exception {
    String scenario = Path.of("..", "scenarios", "01-cold-start-basics.yaml").toString();
    Path out = dir.resolve("compare");
    java.io.StringWriter log = new java.io.StringWriter();
    int code = dev.lambdasim.cli.Main.execute(new String[] {"compare", scenario, scenario,
        "--out", out.toString()}, new java.io.PrintWriter(log), new java.io.PrintWriter(log));
    assertThat(code).as(log.toString()).isZero();
    Path page = out.resolve("comparison.html");

    PageCheck check = check(page);

    assertThat(check.images()).hasSameSizeAs(sources(Files.readString(page, StandardCharsets.UTF_8)))
        .hasSizeGreaterThan(5);
    assertThat(check.brokenImages()).isEmpty();
    assertThat(check.errors()).isEmpty();
    assertThat(check.scrollWidth()).isLessThanOrEqualTo(check.windowWidth());
  }

  @Test
  void aMissingImageIsCaughtAsBroken() throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p>"
        + "<img src=\"charts/missing.png\" alt=\"gone\"></body></html>", StandardCharsets.UTF_8);

    PageCheck check = check(page);

    assertThat(check.brokenImages()).containsExactly("charts/missing.png");
    assertThat(check.errors()).isNotEmpty(); // the failed load is logged too
  }

  @Test
  void aConsoleErrorIsCaught() throws Exception {
    Path page = dir.resolve("noisy.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p>"
        + "<script>console.error('boom')</script></body></html>", StandardCharsets.UTF_8);

    assertThat(check(page).errors()).anySatisfy(e -> assertThat(e).contains("boom"));
  }

  private PageCheck check(Path page) throws IOException, InterruptedException {
    try (HeadlessChromium chromium = HeadlessChromium.withDevTools(dir);
        DevTools devTools = DevTools.openPage(chromium.webSocketUrl())) {
      return PageCheck.load(devTools, page);
    }
  }

  private static List<String> sources(String html) {
    List<String> sources = new ArrayList<>();
    Matcher matcher = IMG_SRC.matcher(html);
    while (matcher.find()) {
      sources.add(matcher.group(1));
    }
    return sources;
  }

  private static double nonWhiteShare(BufferedImage image) {
    long nonWhite = 0;
    long total = 0;
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        total++;
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          nonWhite++;
        }
      }
    }
    return (double) nonWhite / total;
  }
}
