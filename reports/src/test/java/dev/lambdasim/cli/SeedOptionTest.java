package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --seed} refuses what is not a whole number in the user's terms, with a long's bounds. */
final class SeedOptionTest {

  @TempDir
  Path dir;

  @Test
  void aSeedThatIsNotAWholeNumberNamesTheBounds() throws IOException {
    Path file = Cli.write(dir, "small.yaml", Cli.SMALL);
    for (String bad : new String[] {"abc", "99999999999999999999", "1.5"}) {
      Cli.Result result = Cli.execute("validate", file, "--seed", bad);
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.errLines()).containsExactly("lambdasim: Invalid value for option '--seed': '"
          + bad + "' is not a whole number (allowed -9223372036854775808..9223372036854775807)",
          "Try 'lambdasim validate --help'.");
    }
  }

  @Test
  void aWholeNumberIsTheSeed() throws IOException {
    Path file = Cli.write(dir, "small.yaml", Cli.SMALL);
    assertThat(Cli.execute("validate", file, "--seed", "-9223372036854775808").code()).isZero();
  }
}
