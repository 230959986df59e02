package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeline row's bars: init and busy spans widened to a pixel; when merging, overlapping bars
 * of one state become one and idle runs under the busy spans between, but never across a gap in
 * the record; a row's bars are bounded by its pixels, not its spans, so the timeline's SVG stays
 * the same size when an environment serves ten times as many requests.
 */
final class TimelineBarsTest {
  private static final double PIXEL = 1.0;

  @TempDir Path dir;

  @Test
  void withoutMergingEverySpanIsABarAndShortOnesAreAPixelWide() {
    TimelineBars bars = TimelineBars.of(row(span("init", 0, 0.2), span("busy", 0.2, 0.4),
        span("idle", 0.4, 3), span("busy", 3, 3.1), span("idle", 3.1, 9)), 1.0, PIXEL, false);

    assertThat(bars.init()).containsExactly(new TimelineBars.Bar(0, 1));
    assertThat(bars.busy())
        .containsExactly(new TimelineBars.Bar(0.2, 1.2), new TimelineBars.Bar(3, 4));
    assertThat(bars.idle())
        .containsExactly(new TimelineBars.Bar(0.4, 3), new TimelineBars.Bar(3.1, 9));
  }

  @Test
  void overlappingBusyBarsMergeAndSeparateOnesStayApart() {
    TimelineBars bars = TimelineBars.of(row(span("busy", 0, 0.1), span("idle", 0.1, 0.5),
        span("busy", 0.5, 0.6), span("idle", 0.6, 2.0), span("busy", 2.0, 2.1),
        span("idle", 2.1, 9)), 1.0, PIXEL, true);

    // 0 and 0.5 overlap once a pixel wide; 2.0 starts after [0.5, 1.5] ends: a gap stays.
    assertThat(bars.busy())
        .containsExactly(new TimelineBars.Bar(0, 1.5), new TimelineBars.Bar(2.0, 3.0));
    // Idle is drawn under busy, so one bar covers the stretch: the picture is unchanged.
    assertThat(bars.idle()).containsExactly(new TimelineBars.Bar(0.1, 9));
  }

  @Test
  void idleNeverRunsAcrossAGapInTheRecord() {
    TimelineBars bars = TimelineBars.of(row(span("idle", 0, 5), span("busy", 5, 6),
        span("idle", 6, 10), span("idle", 20, 30)), 1.0, PIXEL, true);

    assertThat(bars.idle())
        .containsExactly(new TimelineBars.Bar(0, 10), new TimelineBars.Bar(20, 30));
  }

  @Test
  void aRowHasAtMostOneBusyBarPerPixelHoweverManySpans() {
    // 20,000 requests of 10 ms, one every 0.3 s, over an axis of 600 pixels.
    List<StateSpan> spans = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double start = 0.3 * i;
      spans.add(new StateSpan("busy", start, start + 0.01));
      spans.add(new StateSpan("idle", start + 0.01, start + 0.3));
    }
    double pixel = 0.3 * 20_000 / 600;

    TimelineBars bars = TimelineBars.of(new GanttRow(0, false, spans, ""), 1.0, pixel, true);

    assertThat(bars.busy()).hasSizeLessThanOrEqualTo(600);
    assertThat(bars.idle()).hasSize(1);
  }

  @Test
  void timelineSvgStaysBoundedAsRequestsGrowTenfold() throws IOException {
    long few = timelineSvgBytes(1_000);
    long many = timelineSvgBytes(10_000);

    assertThat(many).isLessThan(2 * few);
    assertThat(many).isLessThan(400_000);
  }

  /** Writes a run whose first environments share {@code requests} requests over the run. */
  private long timelineSvgBytes(int requests) throws IOException {
    Path run = Files.createDirectories(dir.resolve("run-" + requests));
    RunFolder.write(run, List.of("api"), 60, "plain");
    StringBuilder csv = new StringBuilder("function,environment,provisioned,state,start,end,ended\n");
    for (int e = 0; e < 4; e++) {
      double gap = 600.0 / requests;
      csv.append(String.format(Locale.ROOT, "api,%d,false,init,0,0.5,%n", e));
      for (int i = 0; i < requests / 4; i++) {
        double start = 0.5 + 4 * gap * i + e * gap;
        csv.append(String.format(Locale.ROOT, "api,%d,false,busy,%.6f,%.6f,%n", e, start,
            start + 0.01));
        csv.append(String.format(Locale.ROOT, "api,%d,false,idle,%.6f,%.6f,%n", e, start + 0.01,
            start + 4 * gap));
      }
    }
    Files.writeString(run.resolve("environments.csv"), csv, StandardCharsets.UTF_8);
    RunReport.write(run);
    return Files.size(run.resolve("charts/f01-api-timeline.svg"));
  }

  private static GanttRow row(StateSpan... spans) {
    return new GanttRow(0, false, List.of(spans), "");
  }

  private static StateSpan span(String state, double start, double end) {
    return new StateSpan(state, start, end);
  }
}
