package dev.lambdasim.workload.trace;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The lines of a trace file, numbered from 1. The one place where trace files are opened: gzip
 * is recognised by its magic bytes (whatever the file is called) and decompressed on the fly;
 * text is decoded as UTF-8, strictly (a byte sequence that is not UTF-8 is an error, not a
 * replacement character). I/O problems become {@link TraceException}s naming the line.
 */
final class LineSource implements AutoCloseable {

  private static final int BUFFER_BYTES = 1 << 16;

  private final String shown;
  private final BufferedReader reader;
  private long line;

  private LineSource(String shown, BufferedReader reader) {
    this.shown = shown;
    this.reader = reader;
  }

  /** Opens {@code file}, named {@code shown} in messages. */
  static LineSource open(Path file, String shown) {
    try {
      return new LineSource(shown, new BufferedReader(new InputStreamReader(stream(file),
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER_BYTES));
    } catch (NoSuchFileException e) {
      throw new TraceException(shown, 0, "no such file");
    } catch (IOException e) {
      throw new TraceException(shown, 0, "cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Returns the bytes of {@code file}, decompressed if they are gzip. */
  static InputStream stream(Path file) throws IOException {
    PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 2);
    byte[] magic = new byte[2];
    int n = in.readNBytes(magic, 0, 2);
    in.unread(magic, 0, n);
    if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, BUFFER_BYTES);
    }
    return new java.io.BufferedInputStream(in, BUFFER_BYTES);
  }

  /** Returns the next line without its terminator, or null at the end of the file. */
  String next() {
    try {
      String text = reader.readLine();
      if (text != null) {
        line++;
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new TraceException(shown, line + 1, "is not valid UTF-8 text");
    } catch (EOFException e) {
      throw new TraceException(shown, line + 1, "the gzip data ends too early (truncated file?)");
    } catch (ZipException e) {
      throw new TraceException(shown, line + 1, "corrupt gzip data (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new TraceException(shown, line + 1, "cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Returns the number of the line last returned (0 before the first). */
  long line() {
    return line;
  }

  String shown() {
    return shown;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Nothing was written; a failed close of a file we only read loses nothing.
    }
  }
}
