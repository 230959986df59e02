package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment timeline's rows come from environments.csv, which lists spans by end time with
 * environments mixed: each row gathers one environment's spans in time order, rows follow the
 * order of creation, the chart keeps only the first environments, and a row ends with the mark
 * of how the environment ended.
 */
final class EnvironmentTimelineTest {
  private static final String HEADER = "function,environment,provisioned,state,start,end,ended";

  @TempDir Path dir;

  @Test
  void spansAreGatheredPerEnvironmentInTimeOrder() throws IOException {
    Map<String, GanttRows> timelines = read(List.of(
        "api,1,false,init,10.0,10.4,",
        "api,0,false,init,0.0,0.5,",
        "api,0,false,busy,0.5,0.6,",
        "api,1,false,busy,10.4,10.5,",
        "api,0,false,idle,0.6,300.6,reclaimed",
        "api,1,false,idle,10.5,20.0,"), 40, 100);

    List<GanttRow> rows = timelines.get("api").rows();
    assertThat(rows).extracting(GanttRow::environment).containsExactly(0L, 1L);
    assertThat(rows.get(0).spans()).extracting(StateSpan::state)
        .containsExactly("init", "busy", "idle");
    assertThat(rows.get(0).spans()).extracting(StateSpan::startSeconds)
        .containsExactly(0.0, 0.5, 0.6);
    assertThat(rows.get(0).endSeconds()).isEqualTo(300.6);
    assertThat(rows.get(1).spans()).hasSize(3);
  }

  @Test
  void rowsEndWithHowTheEnvironmentEnded() throws IOException {
    List<GanttRow> rows = read(List.of(
        "api,0,true,idle,0.0,7200.0,recycled",
        "api,1,false,idle,1.0,400.0,reclaimed",
        "api,2,false,idle,2.0,9000.0,"), 40, 100).get("api").rows();

    assertThat(rows).extracting(GanttRow::ended).containsExactly("recycled", "reclaimed", "");
    assertThat(rows).extracting(GanttRow::hasEndMark).containsExactly(true, true, false);
    assertThat(rows).extracting(GanttRow::provisioned).containsExactly(true, false, false);
  }

  @Test
  void onlyTheFirstEnvironmentsBecomeRows() throws IOException {
    GanttRows timeline = read(List.of(
        "api,0,false,idle,0.0,1.0,",
        "api,5,false,idle,0.0,1.0,",
        "api,2,false,idle,0.0,1.0,",
        "api,3,false,idle,0.0,1.0,"), 3, 100).get("api");

    assertThat(timeline.rows()).extracting(GanttRow::environment).containsExactly(0L, 2L);
    assertThat(timeline.truncated()).isFalse();
  }

  @Test
  void spansBeyondTheCapAreDroppedAndFlagged() throws IOException {
    GanttRows timeline = read(List.of(
        "api,0,false,init,0.0,1.0,",
        "api,0,false,busy,1.0,2.0,",
        "api,0,false,idle,2.0,3.0,reclaimed"), 40, 2).get("api");

    assertThat(timeline.spanCount()).isEqualTo(2);
    assertThat(timeline.truncated()).isTrue();
    assertThat(timeline.rows().get(0).hasEndMark()).isFalse();
  }

  @Test
  void aTimelineAtTheCapIsFlaggedAsCutShort() throws IOException {
    // The simulator stops recording at the same cap, so spans after these were never written.
    GanttRows timeline = read(List.of(
        "api,0,false,init,0.0,1.0,",
        "api,0,false,busy,1.0,2.0,"), 40, 2).get("api");

    assertThat(timeline.spanCount()).isEqualTo(2);
    assertThat(timeline.truncated()).isTrue();
  }

  @Test
  void functionsAreKeptApartInFileOrder() throws IOException {
    Map<String, GanttRows> timelines = read(List.of(
        "\"b,quoted\",0,false,idle,0.0,1.0,",
        "a,0,false,idle,0.0,1.0,"), 40, 100);

    assertThat(timelines.keySet()).containsExactly("b,quoted", "a");
  }

  @Test
  void malformedRowsFailWithTheirLine() throws IOException {
    assertThatThrownBy(() -> read(List.of("api,0,false,idle,0.0,1.0,", "api,x,false,idle,0,1,"),
        40, 100)).isInstanceOf(IOException.class).hasMessageContaining("line 3");
    assertThatThrownBy(() -> read(List.of("api,0,false,idle,5.0,1.0,"), 40, 100))
        .isInstanceOf(IOException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> read(List.of("api,0,false,idle,0.0,1.0"), 40, 100))
        .isInstanceOf(IOException.class).hasMessageContaining("expected 7 cells");
  }

  @Test
  void absentFileMeansNoTimeline() throws IOException {
    assertThat(EnvironmentsCsv.read(dir.resolve("none.csv"), 40, 100)).isEmpty();
  }

  @Test
  void reportDrawsOneTallTimelinePerFunction() throws IOException {
    RunFolder.write(dir, List.of("api", "worker"), 6, "plain");
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int e = 0; e < 12; e++) {
      csv.append(String.format(java.util.Locale.ROOT,
          "api,%d,false,init,%d.0,%d.4,%napi,%d,false,busy,%d.4,%d.5,%napi,%d,false,idle,%d.5,%d.0,%s%n",
          e, e, e, e, e, e, e, e, e + 300, e % 2 == 0 ? "reclaimed" : ""));
    }
    Files.writeString(dir.resolve("environments.csv"), csv, StandardCharsets.UTF_8);

    RunReport.write(dir);

    Path png = dir.resolve("charts/f01-api-timeline.png");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH_PX);
    assertThat(image.getHeight()).isEqualTo(TimelineChart.heightPx(12));
    assertThat(image.getRGB(image.getWidth() / 2, 200)).isNotEqualTo(image.getRGB(5, 5));
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("charts/f01-api-timeline.png\" width=\"900\" height=\""
        + TimelineChart.heightPx(12) + "\"", "that wait is a cold start");
    assertThat(dir.resolve("charts/f02-worker-timeline.png")).doesNotExist();
  }

  @Test
  void heightGrowsWithTheRows() {
    assertThat(TimelineChart.heightPx(1)).isEqualTo(ChartStyle.HEIGHT_PX);
    assertThat(TimelineChart.heightPx(40)).isEqualTo(TimelineChart.FRAME_PX + 40 * TimelineChart.ROW_PX);
  }

  private Map<String, GanttRows> read(List<String> rows, int maxRows, int maxSpans)
      throws IOException {
    Path file = dir.resolve("environments.csv");
    Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return EnvironmentsCsv.read(file, maxRows, maxSpans);
  }
}
