package dev.warden.consent.cookie;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated fields, double-quoted fields with {@code ""} for a quote and
 * line breaks inside quotes. Records longer than a limit are refused instead of buffered.
 */
final class CsvReader {

  static final int MAX_RECORD_CHARS = 1 << 20;

  private final Reader in;
  private final String source;
  private long line = 1;
  private long recordLine;
  private int peeked = -2;

  CsvReader(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The line the last record returned by {@link #next()} started on. */
  long recordLine() {
    return recordLine;
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return in.read();
  }

  /** The next record's fields, or null at the end of input. */
  List<String> next() throws IOException {
    int c = read();
    while (c == '\r' || c == '\n') { // blank lines between records
      if (c == '\n') {
        line++;
      }
      c = read();
    }
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int total = 0;
    while (true) {
      if (++total > MAX_RECORD_CHARS) {
        throw new CookieCatalogException(source, recordLine, "record longer than " + MAX_RECORD_CHARS + " characters");
      }
      if (quoted) {
        if (c < 0) {
          throw new CookieCatalogException(source, recordLine, "a quoted field is not closed before the end of the file");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            f.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          f.append((char) c);
        }
        c = read();
        continue;
      }
      if (c == ',' ) {
        fields.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c < 0) {
        if (c == '\n') {
          line++;
        }
        fields.add(f.toString());
        return fields;
      } else if (c == '\r') {
        int d = read();
        if (d != '\n') {
          peeked = d;
        }
        line++;
        fields.add(f.toString());
        return fields;
      } else if (c == '"' && f.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        f.append((char) c);
      }
      c = read();
    }
  }
}
