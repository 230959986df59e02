package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct functions of a multi-function trace ({@code azure-2019}, {@code azure-2021}),
 * found by one streaming pass when a fleet scenario is loaded. What is held is one entry per
 * function, whatever the number of rows.
 *
 * <p>Ids are the trace's own: {@code app/func} for azure-2021 and
 * {@code HashOwner/HashApp/HashFunction} for azure-2019. The pass checks rows as the run would
 * (a fleet stops at the first bad row), so a bad trace fails at load time, located.
 */
public final class TraceFunctions {

  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long DAY = 1440 * MINUTE;

  /**
   * One function of the trace.
   *
   * @param id       its original id
   * @param rows     its rows (azure-2021) or invocations of the day (azure-2019) in the file
   * @param replayed the arrivals of it the replay window holds: azure-2021 exactly, azure-2019
   *                 by whole minutes (a minute counts when its start lies in the window)
   */
  public record Entry(String id, long rows, long replayed) {}

  /**
   * The functions in order of first appearance, and where the trace starts.
   *
   * @param firstInstantNanos azure-2021: the first invocation's start; azure-2019: the start of
   *                          the first minute with an invocation (0 when there is none)
   * @param skipped           the rows skipped as bad ({@code onBadRow: skip}; 0 under fail)
   * @param firstSkipped      the first {@value BadRows#KEPT} of them, as {@code file:line: problem}
   */
  public record Listing(List<Entry> functions, long firstInstantNanos, long skipped,
      List<String> firstSkipped) {

    public Listing {
      functions = List.copyOf(functions);
      firstSkipped = List.copyOf(firstSkipped);
    }
  }

  private TraceFunctions() {}

  /**
   * Reads the functions of {@code options.file()}, counting the arrivals that the window
   * [{@code fromNanos}, {@code toNanos}) holds after the offset ({@code offsetFirst}: minus the
   * first instant). Bad rows follow {@code options.onBadRow()}: under fail the first throws
   * {@link TraceException}; under skip they are skipped and counted in the listing (a second row
   * for an azure-2019 function stops the load either way, since its replay would be ambiguous).
   */
  public static Listing read(TraceOptions options, long offsetNanos, boolean offsetFirst,
      long fromNanos, long toNanos) {
    return switch (options.format()) {
      case AZURE_2021 -> azure2021(options, offsetNanos, offsetFirst, fromNanos, toNanos);
      case AZURE_2019 -> azure2019(options, offsetNanos, offsetFirst, fromNanos, toNanos);
      default -> throw new IllegalArgumentException(options.format().label()
          + " traces hold one function; a fleet needs azure-2019 or azure-2021");
    };
  }

  private static Listing azure2021(TraceOptions options, long offsetNanos, boolean offsetFirst,
      long fromNanos, long toNanos) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    long first = -1;
    BadRows bad = new BadRows(options.onBadRow(), options.shownFile());
    // The run's own reader reads every row of the file, so its checks are the pass's checks.
    try (FleetTrace.Rows rows = FleetTrace.Rows.open(options, bad)) {
      while (rows.next()) {
        long start = rows.startNanos();
        if (first < 0) {
          first = start;
          if (offsetFirst) {
            offsetNanos = -start;
          }
        }
        long[] c = counts.computeIfAbsent(rows.functionId(), k -> new long[2]);
        c[0]++;
        long shifted = TraceReader.shift(start, offsetNanos);
        if (shifted >= Math.max(0, fromNanos) && shifted < toNanos) {
          c[1]++;
        }
      }
    }
    return new Listing(entries(counts), Math.max(first, 0), bad.skipped(), bad.firstSkipped());
  }

  private static Listing azure2019(TraceOptions options, long offsetNanos, boolean offsetFirst,
      long fromNanos, long toNanos) {
    long[] first = new long[1];
    BadRows bad = new BadRows(options.onBadRow(), options.shownFile());
    Map<String, long[]> counts = scan2019(options, offsetNanos, fromNanos, toNanos, first, bad);
    if (offsetFirst) {
      // The first minute is known only at the end of the pass; a second pass counts the window
      // (and skips the same rows, counted afresh).
      bad = new BadRows(options.onBadRow(), options.shownFile());
      counts = scan2019(options, -first[0], fromNanos, toNanos, first, bad);
    }
    return new Listing(entries(counts), first[0], bad.skipped(), bad.firstSkipped());
  }

  /** One pass: per function {day total, minutes in the window}; {@code first[0]} gets the first busy minute. */
  private static Map<String, long[]> scan2019(TraceOptions options, long offsetNanos,
      long fromNanos, long toNanos, long[] first, BadRows bad) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    long dayStart = (options.day() - 1) * DAY;
    int firstMinute = Azure2019Reader.MINUTES;
    try (LineSource lines = LineSource.open(options.file(), options.shownFile())) {
      List<String> header = Headers.read(lines);
      int[] c = Azure2019Reader.columns(options, header);
      CsvRow row = new CsvRow(header.size());
      long[] minuteCounts = new long[Azure2019Reader.MINUTES];
      String line;
      while ((line = lines.nextRow(bad)) != null) {
        int n = row.split(line);
        if (n != header.size()) {
          bad.bad(lines.line(), "the row has " + n + " fields, the header " + header.size());
          continue;
        }
        String id = row.field(c[0]) + "/" + row.field(c[1]) + "/" + row.field(c[2]);
        if (counts.containsKey(id)) {
          throw new TraceException(options.shownFile(), lines.line(), "function " + id
              + " has a second row; a day file holds one row per function");
        }
        if (!Azure2019Reader.counts(row, c, minuteCounts, lines.line(), bad)) {
          continue; // a skipped row counts for nothing, not even where the trace starts
        }
        long[] total = new long[2];
        int rowFirst = Azure2019Reader.MINUTES;
        for (int m = 0; m < Azure2019Reader.MINUTES; m++) {
          long count = minuteCounts[m];
          if (count > 0 && m < rowFirst) {
            rowFirst = m;
          }
          total[0] += count;
          long shifted = TraceReader.shift(dayStart + m * MINUTE, offsetNanos);
          if (shifted >= Math.max(0, fromNanos) && shifted < toNanos) {
            total[1] += count;
          }
        }
        counts.put(id, total);
        firstMinute = Math.min(firstMinute, rowFirst);
      }
    }
    first[0] = firstMinute == Azure2019Reader.MINUTES ? 0 : dayStart + firstMinute * MINUTE;
    return counts;
  }

  private static List<Entry> entries(Map<String, long[]> counts) {
    List<Entry> out = new ArrayList<>(counts.size());
    counts.forEach((id, c) -> out.add(new Entry(id, c[0], c[1])));
    return out;
  }
}
