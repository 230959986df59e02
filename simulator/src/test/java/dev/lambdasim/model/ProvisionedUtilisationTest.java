package dev.lambdasim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The provisioned utilisation feed of the auto scaler:
 * <ul>
 *   <li>a window integrates busy and ready environments over its time, in environment-nanoseconds;
 *   <li>the next window starts empty, its busy maximum at the environments busy when it opens;
 *   <li>a window without a provisioned start or busy time has no data point, nor one without
 *       ready time;
 *   <li>a request running through a whole window, with no start in it, still gives a data point;
 *   <li>the Average is busy ÷ ready time, the Maximum the most busy ÷ the ready at the end (1
 *       when none is ready).
 * </ul>
 */
final class ProvisionedUtilisationTest {

  @Test
  void aWindowIntegratesBusyAndReady() {
    ProvisionedUtilisation feed = new ProvisionedUtilisation();
    feed.readyChanged(/* nowNanos= */ 0, 4);
    feed.started(100);
    feed.started(200);
    feed.ended(300);

    ProvisionedUtilisation.Window window = feed.takeWindow(1000);

    // Busy: 1 over [100, 200), 2 over [200, 300), 1 over [300, 1000); ready: 4 over [0, 1000).
    assertThat(window).isEqualTo(new ProvisionedUtilisation.Window(/* busyNanos= */ 100 + 200 + 700,
        /* readyNanos= */ 4000, /* starts= */ 2, /* busyMax= */ 2, /* readyAtEnd= */ 4));
  }

  @Test
  void theNextWindowStartsEmptyAtTheBusyCountNow() {
    ProvisionedUtilisation feed = new ProvisionedUtilisation();
    feed.readyChanged(0, 2);
    feed.started(0);
    feed.started(0);
    feed.ended(500);
    feed.takeWindow(1000);

    ProvisionedUtilisation.Window next = feed.takeWindow(1000);

    assertThat(next).isEqualTo(new ProvisionedUtilisation.Window(0, 0, 0, /* busyMax= */ 1, 2));
  }

  @Test
  void withoutStartsBusyOrReadyTimeThereIsNoDataPoint() {
    ProvisionedUtilisation idle = new ProvisionedUtilisation();
    idle.readyChanged(0, 3);
    ProvisionedUtilisation noneReady = new ProvisionedUtilisation();
    noneReady.started(0);

    assertThat(idle.takeWindow(1000).hasDataPoint()).isFalse();
    assertThat(noneReady.takeWindow(1000).hasDataPoint()).isFalse();
  }

  @Test
  void aRequestRunningThroughTheWindowGivesADataPoint() {
    ProvisionedUtilisation feed = new ProvisionedUtilisation();
    feed.readyChanged(0, 1);
    feed.started(0);
    feed.takeWindow(1000);

    ProvisionedUtilisation.Window next = feed.takeWindow(2000);

    assertThat(next.starts()).isZero();
    assertThat(next.hasDataPoint()).isTrue();
    assertThat(next.average()).isEqualTo(1.0);
  }

  @Test
  void theStatisticsAreTheAverageAndTheMaximumRatio() {
    ProvisionedUtilisation.Window window = new ProvisionedUtilisation.Window(
        /* busyNanos= */ 1000, /* readyNanos= */ 4000, /* starts= */ 3, /* busyMax= */ 3,
        /* readyAtEnd= */ 4);
    ProvisionedUtilisation.Window noneReadyAtEnd =
        new ProvisionedUtilisation.Window(1000, 4000, 3, 3, /* readyAtEnd= */ 0);

    assertThat(window.average()).isEqualTo(0.25);
    assertThat(window.maximum()).isEqualTo(0.75);
    assertThat(noneReadyAtEnd.maximum()).isEqualTo(1.0);
  }
}
