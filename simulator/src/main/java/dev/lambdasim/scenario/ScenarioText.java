package dev.lambdasim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A scenario file's text: at most {@link InputLimits#MAX_FILE_BYTES} bytes of strict UTF-8, a
 * leading byte order mark dropped (editors on Windows write one, in JSON as in YAML).
 */
final class ScenarioText {

  private static final char BOM = '\uFEFF';

  private ScenarioText() {}

  /** Returns the text of {@code file}, shown in messages as {@code display}. */
  static String read(Path file, String display) throws ScenarioException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // One byte over the limit tells "too large" without reading a huge file whole.
      bytes = in.readNBytes(InputLimits.MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(new Problem(display, 0, 0, "", "no such file"));
    } catch (IOException e) {
      throw new ScenarioException(new Problem(display, 0, 0, "", "cannot read: " + e.getMessage()));
    }
    if (bytes.length > InputLimits.MAX_FILE_BYTES) {
      Problem at = located(display, bytes, InputLimits.MAX_FILE_BYTES, "the file is larger than the "
          + "maximum of 4 MiB (" + InputLimits.grouped(InputLimits.MAX_FILE_BYTES) + " bytes) for a "
          + "scenario; keep large data in trace or data files");
      throw new ScenarioException(at);
    }
    return decode(bytes, display);
  }

  /** Returns {@code bytes} decoded as UTF-8; the first byte that is not UTF-8 is reported where it is. */
  static String decode(byte[] bytes, String display) throws ScenarioException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      throw new ScenarioException(located(display, bytes, bad, String.format(java.util.Locale.ROOT,
          "not valid UTF-8 text (byte 0x%02X at offset %s); save the file as UTF-8", bytes[bad] & 0xFF,
          InputLimits.grouped(bad))));
    }
    out.flip();
    return withoutBom(out.toString());
  }

  /** Returns {@code text} without a leading byte order mark. */
  static String withoutBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  /**
   * Returns a problem at the line and column of byte {@code offset}: lines counted by newline
   * bytes, the column in characters of the (valid) text before it on its line.
   */
  private static Problem located(String display, byte[] bytes, int offset, String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    int column = before.codePointCount(0, before.length()) + 1;
    if (line == 1 && before.startsWith(String.valueOf(BOM))) {
      column--;
    }
    return new Problem(display, line, column, "", message);
  }
}
