package org.bdr.phi;

import java.util.Arrays;

/**
 * Maps character offsets of a text to 1-based line numbers. A line ends at CR LF, CR or LF, the
 * rule of {@code BufferedReader.readLine}.
 */
final class LineIndex {

  private final int[] starts;
  private final int count;

  private LineIndex(int[] starts, int count) {
    this.starts = starts;
    this.count = count;
  }

  static LineIndex of(CharSequence text) {
    int[] starts = new int[1024];
    int n = 1;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r') {
        continue;
      }
      if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
        i++;
      }
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
      }
      starts[n++] = i + 1;
    }
    return new LineIndex(starts, n);
  }

  /** The 1-based line holding the character at {@code offset}. */
  long lineOf(int offset) {
    int i = Arrays.binarySearch(starts, 0, count, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The offset where 1-based {@code line} starts. */
  int start(long line) {
    return starts[(int) line - 1];
  }

  /** The offset where 1-based {@code line} ends, before its line break. */
  int end(long line, CharSequence text) {
    int e = line < count ? starts[(int) line] : text.length();
    while (e > start(line) && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
      e--;
    }
    return e;
  }

  int lines() {
    return count;
  }
}
