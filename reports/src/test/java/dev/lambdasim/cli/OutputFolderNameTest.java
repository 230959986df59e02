package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario name is an output folder name, so one that is not a plain child of {@code --out}
 * ({@code .} or {@code ..}) is bad input: exit 2, and nothing next to or above {@code --out} is
 * touched.
 */
final class OutputFolderNameTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotNamesAreBadInputAndDeleteNothing(String name) throws IOException {
    Path scenario = Cli.write(dir, "dots.yaml",
        Cli.SMALL.replace("name: small", "name: \"" + name + "\""));
    Path parent = Files.createDirectories(dir.resolve("parent"));
    Path sentinel = Files.writeString(parent.resolve("keep.txt"), "must survive");
    Path out = parent.resolve("out");
    // Another scenario's earlier result, which a run of this one must not touch.
    Path earlier = Files.createDirectories(out.resolve("earlier"));
    Path earlierSummary = Files.writeString(earlier.resolve("summary.json"), "{}");

    Cli.Result result = Cli.execute("run", scenario, "--out", out, "--no-report");

    assertThat(sentinel).exists();
    assertThat(earlierSummary).exists();
    assertThat(result.code()).as(result.err()).isEqualTo(2);
  }
}
