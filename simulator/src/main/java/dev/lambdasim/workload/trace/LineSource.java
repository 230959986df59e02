package dev.lambdasim.workload.trace;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The lines of a trace file, numbered from 1. The one place where trace files are opened: only
 * regular files are (a folder, FIFO or device is refused before anything is read, so a FIFO
 * cannot block the load); gzip is recognised by its magic bytes (whatever the file is called)
 * and decompressed on the fly; text is decoded as UTF-8, strictly (a byte sequence that is not
 * UTF-8 is an error, not a replacement character). I/O problems become {@link TraceException}s
 * naming the line.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or {@code \r}. They are read in bounded chunks, and
 * a line longer than {@link TraceLimits#LINE_CHARS} is never built: the rest of it is read and
 * dropped, and the line is reported as a bad row. So one enormous line costs no more memory
 * than a short one.
 */
final class LineSource implements AutoCloseable {

  private static final int BUFFER_BYTES = 1 << 16;
  private static final int BUFFER_CHARS = 1 << 14;

  private final String shown;
  private final Reader reader;
  private final char[] buffer = new char[BUFFER_CHARS];
  /** The start of a line that spans refills of the buffer, up to the cap. */
  private final StringBuilder pending = new StringBuilder();
  private int position;
  private int limit;
  private boolean afterCarriageReturn;
  private boolean tooLong;
  private long line;

  private LineSource(String shown, Reader reader) {
    this.shown = shown;
    this.reader = reader;
  }

  /** Opens {@code file}, named {@code shown} in messages. */
  static LineSource open(Path file, String shown) {
    return new LineSource(shown, new InputStreamReader(stream(file, shown),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  /**
   * Returns the bytes of {@code file}, decompressed if they are gzip; throws
   * {@link TraceException} when it is not a regular file or cannot be opened.
   */
  static InputStream stream(Path file, String shown) {
    requireRegularFile(file, shown);
    InputStream raw = null;
    try {
      raw = Files.newInputStream(file);
      PushbackInputStream in = new PushbackInputStream(raw, 2);
      byte[] magic = new byte[2];
      int n = in.readNBytes(magic, 0, 2);
      in.unread(magic, 0, n);
      if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return new GZIPInputStream(in, BUFFER_BYTES);
      }
      return new BufferedInputStream(in, BUFFER_BYTES);
    } catch (EOFException e) {
      closeQuietly(raw);
      // The gzip header itself is cut short (e.g. a file of only the two magic bytes).
      throw new TraceException(shown, 0, "not a complete gzip file (unexpected end of compressed data)");
    } catch (IOException e) {
      closeQuietly(raw);
      throw failure(shown, 0, e);
    }
  }

  /** Throws {@link TraceException} unless {@code file} is a regular file (links are followed). */
  static void requireRegularFile(Path file, String shown) {
    if (Files.isRegularFile(file)) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new TraceException(shown, 0, "is a folder, not a file");
    }
    if (Files.exists(file)) {
      throw new TraceException(shown, 0, "is not a regular file (a FIFO, device or socket); "
          + "a trace must be a file");
    }
    throw new TraceException(shown, 0, "no such file");
  }

  /** Returns the located error for an I/O problem while reading at {@code line} (0: the file). */
  static TraceException failure(String shown, long line, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new TraceException(shown, line, "is not valid UTF-8 text");
    }
    if (e instanceof EOFException) {
      return new TraceException(shown, line, "the gzip data ends too early (truncated file?)");
    }
    if (e instanceof ZipException) {
      return new TraceException(shown, line, "corrupt gzip data (" + reason(e) + ")");
    }
    if (e instanceof NoSuchFileException) {
      return new TraceException(shown, 0, "no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new TraceException(shown, 0, "cannot be read (permission denied)");
    }
    return new TraceException(shown, line, "cannot be read (" + reason(e) + ")");
  }

  private static String reason(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // Nothing was written; the open has failed already and says why.
      }
    }
  }

  /**
   * Returns the next line without its terminator, or null at the end of the file. A line too
   * long to hold stops the run: this is for lines that must be read whole, such as a header.
   */
  String next() {
    String text = read();
    if (text != null && tooLong) {
      throw new TraceException(shown, line, tooLongProblem());
    }
    return text;
  }

  /** Returns the next row (see {@link #nextRow(BadRows)}), stopping the run at a line too long. */
  String nextRow() {
    return nextRow(null);
  }

  /**
   * Returns the next row: the next line that holds more than spaces and tabs (blank lines are
   * ignored, as the format reference says), or null at the end of the file. A line longer than
   * {@link TraceLimits#LINE_CHARS} is a bad row for {@code badRows} (skipped when it lets the
   * run go on); a null {@code badRows} stops the run at it.
   */
  String nextRow(BadRows badRows) {
    String text;
    while ((text = read()) != null) {
      if (tooLong) {
        if (badRows == null) {
          throw new TraceException(shown, line, tooLongProblem());
        }
        badRows.bad(line, tooLongProblem());
      } else if (!isBlank(text)) {
        return text;
      }
    }
    return null;
  }

  private static String tooLongProblem() {
    return "the line is longer than " + TraceLimits.LINE_CHARS + " characters, the most a trace "
        + "line may hold (allowed: up to " + TraceLimits.LINE_CHARS + ")";
  }

  /** Returns whether {@code text} holds only spaces and tabs (the blanks CSV fields are trimmed of). */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the next line, or null at the end; when the line is longer than the cap,
   * {@link #tooLong} is set and what is returned is only its start.
   */
  private String read() {
    tooLong = false;
    pending.setLength(0);
    boolean started = false;
    try {
      while (true) {
        if (position == limit && !refill()) {
          if (!started) {
            return null;
          }
          line++;
          return pending.toString();
        }
        if (afterCarriageReturn) {
          afterCarriageReturn = false;
          if (buffer[position] == '\n') {
            position++; // the \n of a \r\n
            continue;
          }
        }
        started = true;
        int start = position;
        while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
          position++;
        }
        int length = position - start;
        if (position < limit) {
          afterCarriageReturn = buffer[position] == '\r';
          position++;
          line++;
          if (pending.length() == 0 && !tooLong && length <= TraceLimits.LINE_CHARS) {
            return new String(buffer, start, length);
          }
          keep(start, length);
          return pending.toString();
        }
        keep(start, length);
      }
    } catch (IOException e) {
      throw failure(shown, line + 1, e);
    }
  }

  /** Adds a piece of the current line to {@link #pending}, or marks the line too long. */
  private void keep(int start, int length) {
    if (tooLong) {
      return;
    }
    if (pending.length() + length > TraceLimits.LINE_CHARS) {
      tooLong = true;
      pending.setLength(0);
      return;
    }
    pending.append(buffer, start, length);
  }

  private boolean refill() throws IOException {
    int n = reader.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
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
