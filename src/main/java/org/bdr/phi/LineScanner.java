package org.bdr.phi;

import java.util.Arrays;

/**
 * Scans pushed bytes as text, line by line, in bounded memory. Lines end at CR LF, CR or LF; a line
 * longer than the cap is scanned in pieces cut at a space where possible, keeping its line number.
 */
final class LineScanner {

  static final int MAX_LINE = 1 << 20;

  private final TextDetector detector;
  private final FindingSink sink;
  private byte[] line = new byte[4096];
  private int used;
  private long lineNo = 1;
  private boolean lastWasCr;

  LineScanner(TextDetector detector, FindingSink sink) {
    this.detector = detector;
    this.sink = sink;
  }

  void update(byte[] buf, int off, int len) {
    int start = off;
    int end = off + len;
    for (int i = off; (i = TextShapes.lineBreak(buf, i, end)) < end; i++) {
      byte b = buf[i];
      if (used == 0 && i - start <= MAX_LINE) {
        scanInPlace(buf, start, i - start);
      } else {
        append(buf, start, i - start);
      }
      boolean crlf = b == '\n' && lastWasCr && i == start && used == 0;
      if (!crlf) {
        endLine();
      }
      lastWasCr = b == '\r';
      start = i + 1;
    }
    if (start < end) {
      lastWasCr = false;
      append(buf, start, end - start);
    }
  }

  void finish() {
    if (used > 0) {
      endLine();
    }
  }

  long lines() {
    return lineNo - 1;
  }

  private void endLine() {
    scanPiece(used);
    used = 0;
    lineNo++;
  }

  /**
   * Scans a whole line that lies in the pushed bytes where it lies, without copying it; the line
   * ends right after, so it is numbered and counted like one that was gathered. A line that is not
   * all ASCII is gathered instead, to be read as {@link #scanPiece} reads it: the pushed bytes are
   * the caller's and stay as they are.
   */
  private void scanInPlace(byte[] buf, int off, int len) {
    if (TextShapes.skipAscii(buf, off, off + len) < off + len) {
      append(buf, off, len);
    } else if (len > 0) {
      detector.scan(new Latin1Text(buf, off, len), lineNo, null, Cue.NONE, sink);
    }
  }

  private void append(byte[] buf, int off, int len) {
    int at = off;
    int left = len;
    while (left > 0) {
      if (used == MAX_LINE) {
        flushPiece();
      }
      int room = MAX_LINE - used;
      int n = Math.min(room, left);
      if (used + n > line.length) {
        line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(used + n, line.length * 2)));
      }
      System.arraycopy(buf, at, line, used, n);
      used += n;
      at += n;
      left -= n;
    }
  }

  /** Scans the full buffer of an over-long line up to its last space and keeps the rest. */
  private void flushPiece() {
    int cut = used;
    for (int i = used - 1; i > used - 256 && i > 0; i--) {
      if (line[i] == ' ' || line[i] == ',' || line[i] == '|' || line[i] == '"') {
        cut = i + 1;
        break;
      }
    }
    scanPiece(cut);
    System.arraycopy(line, cut, line, 0, used - cut);
    used -= cut;
  }

  /**
   * Scans the first {@code len} gathered bytes; when they are UTF-8, with each accented Latin
   * letter in one byte, as a buffered file is read ({@link TextShapes#latin1Letters}).
   */
  private void scanPiece(int len) {
    if (len > 0) {
      int n = TextShapes.validUtf8(line, len) ? TextShapes.latin1Letters(line, len) : len;
      detector.scan(new Latin1Text(line, 0, n), lineNo, null, Cue.NONE, sink);
    }
  }
}
