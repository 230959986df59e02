package dev.lambdasim.workload.trace;

import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.azure2019;
import static dev.lambdasim.workload.trace.Traces.instants;
import static dev.lambdasim.workload.trace.Traces.options;
import static dev.lambdasim.workload.trace.Traces.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasim.spec.BadRowPolicy;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.workload.TraceArrivals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In every trace format, a {@code function} that matches no row stops the run with the file,
 * the selector and (when one is near) the closest id; a selector whose rows were all skipped
 * as bad is not "unknown". cloudwatch finds it at load time (the export is read whole), the
 * azure formats when the replay reads the file.
 */
final class FunctionSelectorTest {

  private static final String A21 = "app,func,end_timestamp,duration\n";
  private static final String APP = "734272c01926d19690e5ec308bab64ef97950b75b1c7582283e0783fce1751d8";
  private static final String FUNC = "556ccf8758c8c2a20082c161e955405e950439f0503522fe129e709a5dc0e58f";

  @TempDir
  Path dir;

  @Test
  void azure2021UnknownFunctionStopsTheRunNamingTheClosest() throws IOException {
    Path file = write(dir, "a.csv", A21 + "a,f,1,0\nb,g,2,0\n\na,f,3,0\n");
    TraceArrivals a = arrivals(options(TraceFormat.AZURE_2021, file).withFunction("a/ff"));
    assertThatThrownBy(a::nextArrivalNanos).isInstanceOf(TraceException.class)
        .hasMessage("a.csv: no row for function 'a/ff' among 3 rows; did you mean 'a/f'? "
            + "(function: app/func, or app for all its functions)");
    assertThatThrownBy(() -> instants(arrivals(options(TraceFormat.AZURE_2021, file).withFunction("zzz"))))
        .hasMessage("a.csv: no row for function 'zzz' among 3 rows (function: app/func, or app for all its functions)");
  }

  @Test
  void azure2021FunctionHashWithoutItsAppIsHinted() throws IOException {
    Path file = write(dir, "a.csv", A21 + APP + "," + FUNC + ",1,0\n");
    assertThatThrownBy(() -> instants(arrivals(options(TraceFormat.AZURE_2021, file).withFunction(FUNC))))
        .hasMessageContaining("did you mean '" + APP + "/" + FUNC + "'?");
    // A hash cut short when copied is a few edits away.
    String cut = APP + "/" + FUNC.substring(0, 60);
    assertThatThrownBy(() -> instants(arrivals(options(TraceFormat.AZURE_2021, file).withFunction(cut))))
        .hasMessageContaining("did you mean '" + APP + "/" + FUNC + "'?");
  }

  @Test
  void azure2021SelectorWhoseRowsWereAllSkippedIsNotUnknown() throws IOException {
    Path file = write(dir, "a.csv", A21 + "a,f,x,0\nb,g,2,0\n");
    TraceArrivals a = arrivals(options(TraceFormat.AZURE_2021, file).withFunction("a/f")
        .withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(a)).isEmpty();
    assertThat(a.badRows().skipped()).isEqualTo(1);
  }

  @Test
  void azure2019UnknownFunctionNamesTheClosest() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o1 a1 f1 1:2", "o2 a2 f2 2:5"));
    assertThatThrownBy(() -> instants(arrivals(options(TraceFormat.AZURE_2019, file).withFunction("a1/f9"))))
        .hasMessage("d.csv: no row for function 'a1/f9' among 2 rows; did you mean 'a1/f1'? (function: "
            + "HashFunction, HashApp/HashFunction or HashOwner/HashApp/HashFunction)");
    // An app hash where a function is wanted: the app's function is offered.
    assertThatThrownBy(() -> instants(arrivals(options(TraceFormat.AZURE_2019, file).withFunction("a2"))))
        .hasMessageContaining("; did you mean 'a2/f2'?");
  }

  @Test
  void azure2019SelectorWhoseRowsWereAllSkippedIsNotUnknown() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o1 a1 f1 1:2", "o2 a2 f2 2:5").replace("http,2,", "http,x,"));
    TraceArrivals a = arrivals(options(TraceFormat.AZURE_2019, file).withFunction("f1")
        .withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(a)).isEmpty();
    assertThat(a.badRows().firstSkipped()).containsExactly(
        "d.csv:2: minute 1: 'x' is not a count (an integer >= 0)");
  }

  @Test
  void cloudwatchUnknownFunctionAtLoadTime() throws IOException {
    Path file = write(dir, "cw.json", """
        {"MetricDataResults": [
          {"Id": "errors", "Label": "Errors", "Timestamps": [0], "Values": [9]},
          {"Id": "m1", "Label": "Invocations", "Timestamps": [0], "Values": [1]}
        ]}
        """);
    TraceOptions o = options(TraceFormat.CLOUDWATCH, file).withPeriod(60_000_000_000L);
    assertThatThrownBy(() -> TraceReaders.check(o.withFunction("m2"))).isInstanceOf(TraceException.class)
        .hasMessage("cw.json: no result with Id or Label 'm2'; did you mean 'm1'? (there are errors, m1)");
    assertThatThrownBy(() -> TraceReaders.check(o.withFunction("invocation")))
        .hasMessageContaining("; did you mean 'Invocations'?");
    assertThatThrownBy(() -> TraceReaders.check(o.withFunction("duration")))
        .hasMessage("cw.json: no result with Id or Label 'duration' (there are errors, m1)");
  }

  @Test
  void boundedEditDistanceAgreesWithTheFullOne() {
    Random random = new Random(11);
    for (int round = 0; round < 2000; round++) {
      String a = randomText(random, random.nextInt(12));
      String b = randomText(random, random.nextInt(12));
      int limit = random.nextInt(6);
      int full = levenshtein(a, b);
      assertThat(ClosestId.distance(a, b, limit)).as("%s / %s within %d", a, b, limit)
          .isEqualTo(Math.min(full, limit + 1));
    }
  }

  @Test
  void unrelatedHashesAreFarApart() {
    // Why a quarter of the selector's length is a safe limit: random 64-digit hex ids differ by far more.
    Random random = new Random(3);
    int nearest = Integer.MAX_VALUE;
    for (int i = 0; i < 200; i++) {
      nearest = Math.min(nearest, levenshtein(hex(random), hex(random)));
    }
    assertThat(nearest).isGreaterThan(64 / 4);
    ClosestId closest = new ClosestId(hex(random));
    closest.offer(List.of(hex(random), hex(random)));
    assertThat(closest.hint()).isEmpty();
  }

  private static String hex(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append("abc".charAt(random.nextInt(3)));
    }
    return sb.toString();
  }

  private static int levenshtein(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j], d[i][j - 1]) + 1,
            d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length()][b.length()];
  }
}
