package dev.lambdasim.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, run headless with a fresh profile and no network chatter: either to take a
 * screenshot of a page, or with the DevTools protocol on a loopback port for {@link DevTools}.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Skips the calling test, saying what to install, unless {@code binary} can be run. */
  static void assumeInstalled(Path binary) {
    Assumptions.assumeTrue(Files.isExecutable(binary), binary + " is absent, so the report is "
        + "not checked in a browser; install Debian's chromium: apt-get install chromium");
  }

  /** Returns the flags every run uses: headless, no sandbox (CI is root), nothing fetched. */
  static List<String> baseCommand(Path profile) {
    return new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
  }

  /** Loads {@code page} in a 1280×2000 window and writes a PNG screenshot to {@code png}. */
  static void screenshot(Path page, Path png, Path workDir) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    List<String> command = baseCommand(profile);
    command.add("--screenshot=" + png);
    command.add("--window-size=1280,2000");
    command.add("--hide-scrollbars");
    command.add(page.toUri().toString());
    Path log = workDir.resolve("chromium-screenshot.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        throw new IOException("chromium did not finish the screenshot within 90 s; log: "
            + Files.readString(log, StandardCharsets.UTF_8));
      }
    } finally {
      stop(process, profile);
    }
  }

  /** Starts Chromium with the DevTools protocol on a free loopback port. */
  static HeadlessChromium withDevTools(Path workDir) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    List<String> command = baseCommand(profile);
    command.add("--remote-debugging-address=127.0.0.1");
    command.add("--remote-debugging-port=0"); // Chromium picks a port and writes it to the profile
    command.add("--window-size=1280,2000");
    command.add("about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("chromium-devtools.log").toFile()).start();
    HeadlessChromium chromium = new HeadlessChromium(process, profile);
    chromium.awaitPortFile();
    return chromium;
  }

  /** Returns the browser's DevTools WebSocket address, from the profile's DevToolsActivePort. */
  String webSocketUrl() throws IOException {
    List<String> lines = Files.readAllLines(profile.resolve("DevToolsActivePort"));
    return "ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip();
  }

  private void awaitPortFile() throws IOException, InterruptedException {
    Path port = profile.resolve("DevToolsActivePort");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (Files.isRegularFile(port) && Files.readAllLines(port).size() >= 2) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException("chromium exited with " + process.exitValue() + " before DevTools");
      }
      Thread.sleep(100);
    }
    throw new IOException("chromium wrote no DevToolsActivePort within " + START_TIMEOUT);
  }

  @Override
  public void close() {
    stop(process, profile);
  }

  private static void stop(Process process, Path profile) {
    // Chromium starts helper processes (zygote, renderer); end them with their parent.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Chromium links Singleton* in the profile to files of its own outside it; unlink them so
    // the temporary folder's clean-up finds only plain files.
    for (String name : new String[] {"SingletonSocket", "SingletonLock", "SingletonCookie"}) {
      try {
        Files.deleteIfExists(profile.resolve(name));
      } catch (IOException e) {
        // left for the temporary folder's clean-up
      }
    }
  }
}
