package dev.lambdasim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of metrics.csv columns: one name per column, one column per throttle reason. */
final class PeriodColumnTest {

  @Test
  void namesAreUnique() {
    List<String> names = PeriodColumn.all().stream().map(PeriodColumn::csvName).toList();
    assertThat(names).doesNotHaveDuplicates().doesNotContain(PeriodRow.PERIOD_START,
        PeriodRow.FUNCTION);
  }

  @Test
  void eachThrottleReasonHasItsColumnInReasonOrder() {
    int previous = -1;
    for (ThrottleReason reason : ThrottleReason.all()) {
      PeriodColumn column = PeriodColumn.throttles(reason);
      assertThat(column.csvName()).isEqualTo("Throttles_" + reason.label());
      assertThat(column.name()).isEqualTo("THROTTLES_" + reason.name());
      assertThat(column.ordinal()).isGreaterThan(previous);
      previous = column.ordinal();
    }
  }

  /** Only counts are whole numbers; a sum of maxima is only declared for counts. */
  @Test
  void maximaThatAddUpAreCounts() {
    for (PeriodColumn column : PeriodColumn.all()) {
      if (column.sum() == PeriodColumn.Sum.ADD_MAXIMA) {
        assertThat(column.unit()).as("%s", column).isEqualTo(PeriodColumn.Unit.COUNT);
      }
    }
  }
}
