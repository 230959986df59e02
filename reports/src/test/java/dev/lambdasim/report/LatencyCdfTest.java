package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latency.csv becomes sorted CDF points per function and kind, with interpolated percentiles. */
final class LatencyCdfTest {
  @TempDir Path dir;

  @Test
  void readsPointsPerFunctionAndKindSortedByPercentile() throws IOException {
    Map<String, LatencyCdf> cdfs = LatencyCdf.read(write(
        "function,kind,percentile,latencyMs", "api,warm,100,90", "api,warm,0,10",
        "api,cold,50,500", "db,warm,50,3"));

    assertThat(cdfs).containsOnlyKeys("api", "db");
    assertThat(cdfs.get("api").kinds()).containsExactly("warm", "cold");
    assertThat(cdfs.get("api").points("warm")).extracting(LatencyCdf.Point::percentile)
        .containsExactly(0.0, 100.0);
  }

  @Test
  void aKindWithMorePointsThanARunWritesIsRefusedWithItsLine() throws IOException {
    List<String> lines = new java.util.ArrayList<>(List.of("function,kind,percentile,latencyMs"));
    for (int i = 0; i <= LatencyCdf.MAX_POINTS_PER_KIND; i++) {
      lines.add("api,warm,50," + i);
    }
    Path file = write(lines.toArray(new String[0]));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencyCdf.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line " + (LatencyCdf.MAX_POINTS_PER_KIND + 2))
        .hasMessageContaining("more than 1,000 points");
  }

  @Test
  void percentileIsInterpolatedBetweenPoints() {
    LatencyCdf cdf = new LatencyCdf();
    cdf.add("warm", new LatencyCdf.Point(0, 10));
    cdf.add("warm", new LatencyCdf.Point(100, 110));

    assertThat(cdf.latencyAtMs("warm", 50)).isCloseTo(60, within(1e-9));
    assertThat(cdf.latencyAtMs("warm", 99)).isCloseTo(109, within(1e-9));
    assertThat(cdf.latencyAtMs("cold", 50)).isNaN();
  }

  @Test
  void logAxisPointsLeaveOutZeroLatency() {
    LatencyCdf cdf = new LatencyCdf();
    cdf.add("warm", new LatencyCdf.Point(0, 0));
    cdf.add("warm", new LatencyCdf.Point(50, 5));

    assertThat(cdf.logAxisPoints("warm")).containsExactly(new LatencyCdf.Point(50, 5));
  }

  @Test
  void missingFileMeansNoCdfs() throws IOException {
    assertThat(LatencyCdf.read(dir.resolve("latency.csv"))).isEmpty();
  }

  @Test
  void emptyLatencyCellsAreSkipped() throws IOException {
    Map<String, LatencyCdf> cdfs = LatencyCdf.read(write(
        "function,kind,percentile,latencyMs", "api,cold,50,", "api,warm,50,4"));

    assertThat(cdfs.get("api").kinds()).containsExactly("warm");
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("latency.csv"), List.of(lines));
  }
}
