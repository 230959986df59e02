package dev.lambdasim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result folders of one command line: two of them in one JVM never take the same partial or
 * set-aside name although each numbers from 1, the shutdown hook comes with the first folder and
 * goes with {@code close}, which also deletes what is still unpublished, and once closed no
 * folder begins.
 */
final class ResultFoldersTest {

  private static final long OWN_PID = ProcessHandle.current().pid();

  @TempDir Path dir;
  @AutoClose final ResultFolders first = new ResultFolders();
  @AutoClose final ResultFolders second = new ResultFolders();

  @Test
  void twoInOneProcessNeverShareAPartialFolder() throws IOException {
    Path mine = ResultFolder.begin(first, dir.resolve("x"), ResultFolder.Kind.RUN).partial();
    Path theirs = ResultFolder.begin(second, dir.resolve("x"), ResultFolder.Kind.RUN).partial();

    assertThat(mine.getFileName()).hasToString(".x." + OWN_PID + "-1.partial");
    assertThat(theirs.getFileName()).hasToString(".x." + OWN_PID + "-2.partial");
    assertThat(mine.resolve(ResultFolder.MARKER)).exists();
    assertThat(theirs.resolve(ResultFolder.MARKER)).exists();
  }

  @Test
  void anOldResultAnotherSetAsideKeepsItsName() throws IOException {
    ResultFolder.begin(first, dir.resolve("x"), ResultFolder.Kind.RUN).publish();
    // As if another ResultFolders of this process were still deleting what it set aside as 2.
    Path setAside = Files.createDirectory(dir.resolve(".x." + OWN_PID + "-2.old"));
    Files.writeString(setAside.resolve(ResultFolder.MARKER), "lambdasim 0.1.0 run\n");
    Files.writeString(setAside.resolve("data.txt"), "theirs");

    ResultFolder folder = ResultFolder.begin(second, dir.resolve("x"), ResultFolder.Kind.RUN);
    Files.writeString(folder.partial().resolve("data.txt"), "mine");
    folder.publish();

    assertThat(dir.resolve("x/data.txt")).hasContent("mine");
    assertThat(setAside.resolve("data.txt")).hasContent("theirs");
  }

  @Test
  void theShutdownHookComesWithTheFirstFolderAndGoesWithClose() throws IOException {
    assertThat(first.shutdownHook()).isNull();
    ResultFolder.begin(first, dir.resolve("x"), ResultFolder.Kind.RUN);
    ResultFolder.begin(first, dir.resolve("y"), ResultFolder.Kind.RUN);
    Thread hook = first.shutdownHook();
    assertThat(hook).isNotNull();

    first.close();

    assertThat(first.shutdownHook()).isNull();
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("still registered").isFalse();
  }

  @Test
  void closeDeletesWhatIsStillUnpublished() throws IOException {
    Path partial = ResultFolder.begin(first, dir.resolve("x"), ResultFolder.Kind.RUN).partial();
    Files.writeString(partial.resolve("data.txt"), "half");

    first.close();

    assertThat(partial).doesNotExist();
  }

  @Test
  void onceClosedNoFolderBegins() {
    first.close();

    assertThatThrownBy(() -> ResultFolder.begin(first, dir.resolve("x"), ResultFolder.Kind.RUN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("these result folders are closed");
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
