package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set path=value} changes the scenario before it runs, and a bad override value is
 * reported against the file {@code <set>} with exit 2.
 */
final class SetOverrideTest {

  @TempDir Path dir;
  Path scenario;

  @BeforeEach
  void writeScenario() throws IOException {
    scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
  }

  @Test
  void memoryOverrideReachesTheResult() throws IOException {
    Path out = dir.resolve("out");

    Cli.Result result = Cli.execute("run", scenario, "--out", out, "--no-report",
        "--set", "functions[0].memoryMb=2048");

    assertThat(result.code()).as(result.err()).isZero();
    var limits = Cli.summary(out.resolve("small")).at("/limits/functions");
    assertThat(limits.at("/api/memoryMb").asInt()).isEqualTo(2048);
    // Only the addressed function changes; the other keeps the default 128.
    assertThat(limits.at("/slow/memoryMb").asInt()).isEqualTo(128);
  }

  @Test
  void badOverrideValueExits2WithASetMessage() {
    Path out = dir.resolve("out");

    Cli.Result result = Cli.execute("run", scenario, "--out", out,
        "--set", "functions[0].memoryMb=abc");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        "<set>: functions[0].memoryMb: 'abc' is not an integer (allowed 128..10240)");
    assertThat(out).doesNotExist();
  }
}
