package dev.lambdasim.cli;

import dev.lambdasim.output.Version;
import picocli.CommandLine;

/** Supplies {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"lambdasim " + Version.current()};
  }
}
