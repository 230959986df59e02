package dev.lambdasim.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The lambdasim version, written into every summary so results can be traced to a build. */
public final class Version {

  private Version() {}

  /** Returns the version Maven stamped into the build. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/lambdasim/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
