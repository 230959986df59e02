package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lambdasim.workload.trace.TraceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception that stops a command is told truthfully: the environment failing (disk full,
 * permission denied, an output path that cannot be written, out of memory) exits 3 with one
 * line and no stack trace; bad input found late exits 2; anything else is a bug, exit 1 with
 * the stack trace. The end-to-end cases are in {@link ExitCodeTest} and {@link ProcessExitTest}.
 */
final class FailureTest {

  @TempDir Path dir;

  @Test
  void aFullDiskIsTheEnvironment() {
    Failure failure = Failure.of(new FileSystemException("/data/out/small/metrics.csv", null,
        "No space left on device"));

    assertThat(failure).isEqualTo(new Failure(3, "lambdasim: /data/out/small/metrics.csv: no "
        + "space left on the device; free some space or choose another --out", false));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void writingToAFullDeviceIsTheEnvironment() {
    // /dev/full fails every write with ENOSPC, as a full disk does: the JDK's own exception.
    Throwable full = catchThrowable(() -> Files.write(Path.of("/dev/full"), new byte[64]));

    assertThat(Failure.of(full)).isEqualTo(new Failure(3, "lambdasim: no space left on the "
        + "device; free some space or choose another --out", false));
  }

  @Test
  void permissionDeniedIsTheEnvironment() {
    Failure failure = Failure.of(new AccessDeniedException("/srv/out"));

    assertThat(failure).isEqualTo(
        new Failure(3, "lambdasim: /srv/out: permission denied; choose another --out", false));
  }

  @Test
  void aWrappedIoExceptionIsFound() {
    Failure failure = Failure.of(new UncheckedIOException(
        new FileSystemException("/srv/out/x.png", null, "Disk quota exceeded")));

    assertThat(failure.exitCode()).isEqualTo(3);
    assertThat(failure.line()).isEqualTo("lambdasim: /srv/out/x.png: disk quota exceeded; "
        + "free some space or choose another --out");
  }

  @Test
  void aFileWhoseFolderIsGoneIsTheEnvironment() {
    Path file = dir.resolve("removed/metrics.csv");

    Failure failure = Failure.of(new NoSuchFileException(file.toString()));

    assertThat(failure).isEqualTo(new Failure(3, "lambdasim: " + file + ": its folder does not "
        + "exist (removed while lambdasim ran?); choose another --out", false));
  }

  @Test
  void aMissingFileInAFolderThatExistsIsABug() {
    Failure failure = Failure.of(new NoSuchFileException(dir.resolve("chart.png.tmp").toString()));

    assertThat(failure.exitCode()).isEqualTo(1);
    assertThat(failure.stackTrace()).isTrue();
  }

  @Test
  void outOfMemoryIsTheEnvironmentWithAHint() {
    Failure failure = Failure.of(new OutOfMemoryError("Java heap space"));

    assertThat(failure.exitCode()).isEqualTo(3);
    assertThat(failure.stackTrace()).isFalse();
    assertThat(failure.line()).matches("lambdasim: out of memory \\(Java heap space, heap limit "
        + "\\d+ MiB\\); run with more heap, e\\.g\\. java -Xmx\\d+g -jar lambdasim\\.jar \\.\\.\\.");
  }

  @Test
  void aTraceProblemFoundLateIsBadInput() {
    Failure failure = Failure.of(new TraceException("t.csv", 4, "'late' is not a number"));

    assertThat(failure).isEqualTo(new Failure(2, "t.csv:4: 'late' is not a number", false));
  }

  @Test
  void anUnknownIoExceptionIsABug() {
    assertThat(Failure.of(new IOException("Stream closed")).exitCode()).isEqualTo(1);
  }

  @Test
  void anythingElseIsABugWithItsStackTrace() {
    Failure failure = Failure.of(new IllegalStateException("heap corrupt"));

    assertThat(failure).isEqualTo(new Failure(1,
        "lambdasim: internal error: java.lang.IllegalStateException: heap corrupt", true));
  }
}
