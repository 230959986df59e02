package dev.lambdasim.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Without Chromium the browser test is skipped (a JUnit assumption, so it is counted as skipped,
 * not as zero tests), with a message naming the package to install.
 */
final class ChromiumAbsentTest {

  @Test
  void anAbsentBinarySkipsWithTheMessage() {
    Path absent = Path.of("/nonexistent/chromium");

    assertThatThrownBy(() -> HeadlessChromium.assumeInstalled(absent))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage("Assumption failed: /nonexistent/chromium is absent, so the report is not "
            + "checked in a browser; install Debian's chromium: apt-get install chromium");
  }
}
