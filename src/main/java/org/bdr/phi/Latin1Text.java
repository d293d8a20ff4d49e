package org.bdr.phi;

/**
 * Bytes seen as characters one to one (ISO-8859-1), without copying. Detectors look mostly at ASCII
 * digits, letters and punctuation, which UTF-8 leaves as single bytes, so any byte sequence
 * (invalid UTF-8 included) reads without error.
 */
final class Latin1Text implements CharSequence {

  private final byte[] bytes;
  private final int offset;
  private final int length;

  Latin1Text(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  /** The characters of {@code s} as Latin-1 bytes; one past Latin-1 becomes '?'. */
  static Latin1Text of(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return new Latin1Text(b, 0, b.length);
  }

  /** Whether the text starts with the ASCII {@code prefix}. */
  boolean startsWith(String prefix) {
    if (prefix.length() > length) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if ((bytes[offset + k] & 0xFF) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes this text is a view of; character {@code i} is byte {@code offset() + i}. */
  byte[] bytes() {
    return bytes;
  }

  int offset() {
    return offset;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[offset + index] & 0xFF);
  }

  @Override
  public Latin1Text subSequence(int start, int end) {
    return new Latin1Text(bytes, offset + start, end - start);
  }

  /** The index of the first CR or LF at or after {@code from}, or the length when there is none. */
  int lineBreak(int from) {
    return lineBreak(from, length);
  }

  /** The index of the first CR or LF within {@code from..to}, or {@code to} when there is none. */
  int lineBreak(int from, int to) {
    return TextShapes.lineBreak(bytes, offset + from, offset + to) - offset;
  }

  /** What {@link #forEachLine} hands each line to. */
  interface LineVisitor {
    void line(CharSequence line, long number);
  }

  /**
   * Hands each non-empty line, without its line break and cut to {@link LineScanner#MAX_LINE}
   * characters, to {@code visitor} with its 1-based number; CR, LF and CR LF all end a line.
   */
  void forEachLine(LineVisitor visitor) {
    long line = 1;
    int start = 0;
    while (true) {
      int i = lineBreak(start);
      if (i > start) {
        visitor.line(subSequence(start, Math.min(i, start + LineScanner.MAX_LINE)), line);
      }
      if (i >= length) {
        return;
      }
      if (charAt(i) == '\r' && i + 1 < length && charAt(i + 1) == '\n') {
        i++;
      }
      line++;
      start = i + 1;
    }
  }

  @Override
  public String toString() {
    return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
