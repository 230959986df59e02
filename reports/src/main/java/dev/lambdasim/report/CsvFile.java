package dev.lambdasim.report;

import dev.lambdasim.output.Csv;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One of the run folder's CSV files, read line by line: the header (a byte-order mark is
 * ignored), then rows split into cells and checked against the header's width. Every problem
 * names the file and the line, and never repeats the untrusted cell text.
 */
final class CsvFile implements Closeable {

  private final Path file;
  private final BufferedReader reader;
  private final List<String> header;
  private int lineNumber = 1;

  private CsvFile(Path file, BufferedReader reader, List<String> header) {
    this.file = file;
    this.reader = reader;
    this.header = header;
  }

  /** Opens {@code file} and reads its header; returns null when the file is empty. */
  static CsvFile open(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    String header = reader.readLine();
    if (header == null) {
      reader.close();
      return null;
    }
    try {
      return new CsvFile(file, reader, CsvLine.split(header.replace("\uFEFF", "")));
    } catch (IllegalArgumentException e) {
      reader.close();
      throw new IOException(file + " line 1: " + e.getMessage(), e);
    }
  }

  /** Returns the index of a column the file must have. */
  int column(String name) throws IOException {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IOException(file + ": header has no '" + name + "' column");
    }
    return index;
  }

  /** Returns the index of a column, or -1 when the file (an older run's) does not have it. */
  int optionalColumn(String name) {
    return header.indexOf(name);
  }

  /** Returns the next non-blank row's cells, or null at the end of the file. */
  List<String> next() throws IOException {
    String line;
    do {
      line = reader.readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
    } while (line.isBlank());
    List<String> cells;
    try {
      cells = CsvLine.split(line);
      cells.replaceAll(Csv::readText);
    } catch (IllegalArgumentException e) {
      throw problem(e.getMessage(), e);
    }
    if (cells.size() != header.size()) {
      throw problem(String.format(Locale.ROOT, "expected %d cells, found %d", header.size(),
          cells.size()), null);
    }
    return cells;
  }

  /** Returns a cell as a number; an empty cell is NaN (a statistic with no data). */
  double number(List<String> cells, int column) throws IOException {
    String text = cells.get(column).strip();
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw problem("column " + header.get(column) + " is not a finite number", e);
    }
  }

  /** Returns an error located at the current line. */
  IOException problem(String message, Throwable cause) {
    return new IOException(file + " line " + lineNumber + ": " + message, cause);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
