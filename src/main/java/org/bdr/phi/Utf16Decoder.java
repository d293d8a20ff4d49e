package org.bdr.phi;

import java.util.Arrays;

/**
 * Turns UTF-16 text into UTF-8 as its bytes are pushed, so Windows exports (UTF-16 with or without
 * a byte-order mark) are scanned like any other text. The first {@link #PROBE} bytes decide: a
 * UTF-16 byte-order mark, or ASCII text whose every other byte is zero, is UTF-16; anything else
 * passes through unchanged. Line breaks survive decoding, so line numbers stay those of the file.
 * An unpaired surrogate becomes U+FFFD.
 */
final class Utf16Decoder {

  static final int PROBE = 1024;

  /** How many of the probed code units must be ASCII text for BOM-less UTF-16 (out of 100). */
  private static final int ASCII_SHARE = 90;

  private static final int MIN_UNITS = 8;

  /** What the probe found. */
  enum Encoding {
    PASS,
    UTF_16LE,
    UTF_16BE
  }

  private final ByteSink next;
  private byte[] head = new byte[PROBE];
  private int headSize;
  private Encoding encoding;
  private boolean bigEndian;
  private int pendingByte = -1;
  private int highSurrogate = -1;
  private byte[] out = new byte[0];

  Utf16Decoder(ByteSink next) {
    this.next = next;
  }

  /** The encoding the probe found; null until decided. */
  Encoding encoding() {
    return encoding;
  }

  /** Feeds the next bytes of the file; returns whether more are wanted. */
  boolean update(byte[] b, int off, int len) {
    if (encoding == Encoding.PASS) {
      return next.accept(b, off, len);
    }
    if (encoding != null) {
      return decode(b, off, len);
    }
    int n = Math.min(len, PROBE - headSize);
    System.arraycopy(b, off, head, headSize, n);
    headSize += n;
    if (headSize < PROBE) {
      return true;
    }
    return decide() && update(b, off + n, len - n);
  }

  /** Ends the input: decides on a short file and flushes what is left undecoded. */
  boolean end() {
    if (encoding == null && !decide()) {
      return false;
    }
    if (encoding != Encoding.PASS && (pendingByte >= 0 || highSurrogate >= 0)) {
      pendingByte = -1;
      highSurrogate = -1;
      int n = put(0, 0xFFFD);
      return next.accept(out, 0, n);
    }
    return true;
  }

  /** Chooses the encoding from the probed bytes and pushes them on. */
  private boolean decide() {
    byte[] probe = head;
    int size = headSize;
    head = null;
    encoding = probe(probe, size);
    if (encoding == Encoding.PASS) {
      return size == 0 || next.accept(probe, 0, size);
    }
    bigEndian = encoding == Encoding.UTF_16BE;
    int bom = hasBom(probe, size, bigEndian) ? 2 : 0;
    return decode(probe, bom, size - bom);
  }

  /** The encoding of a file that starts with these bytes. */
  static Encoding probe(byte[] b, int size) {
    if (size >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      boolean utf32 = size >= 4 && b[2] == 0 && b[3] == 0;
      return utf32 ? Encoding.PASS : Encoding.UTF_16LE;
    }
    if (size >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Encoding.UTF_16BE;
    }
    int units = size / 2;
    if (units < MIN_UNITS) {
      return Encoding.PASS;
    }
    int ascii = 0;
    for (int i = 0; i + 1 < size; i += 2) {
      if (b[i + 1] == 0 && asciiText(b[i])) {
        ascii++;
      }
    }
    return ascii * 100 >= units * ASCII_SHARE ? Encoding.UTF_16LE : Encoding.PASS;
  }

  private static boolean hasBom(byte[] b, int size, boolean bigEndian) {
    int first = bigEndian ? 0xFE : 0xFF;
    return size >= 2 && (b[0] & 0xFF) == first && (b[1] & 0xFF) == (first ^ 1);
  }

  private static boolean asciiText(byte c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t';
  }

  /** Decodes whole code units, keeping an odd last byte and a trailing high surrogate. */
  private boolean decode(byte[] b, int off, int len) {
    if (out.length < (len / 2 + 2) * 3) {
      out = Arrays.copyOf(out, (len / 2 + 2) * 3);
    }
    int n = 0;
    int i = off;
    int end = off + len;
    if (pendingByte >= 0 && i < end) {
      n = unit(n, pendingByte, b[i++] & 0xFF);
      pendingByte = -1;
    }
    for (; i + 1 < end; i += 2) {
      n = unit(n, b[i] & 0xFF, b[i + 1] & 0xFF);
    }
    if (i < end) {
      pendingByte = b[i] & 0xFF;
    }
    return n == 0 || next.accept(out, 0, n);
  }

  /** Decodes one code unit from its two bytes in file order into {@link #out} at {@code n}. */
  private int unit(int n, int first, int second) {
    int u = bigEndian ? first << 8 | second : second << 8 | first;
    if (highSurrogate >= 0) {
      int high = highSurrogate;
      highSurrogate = -1;
      if (u >= 0xDC00 && u <= 0xDFFF) {
        return put(n, 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00));
      }
      n = put(n, 0xFFFD);
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      highSurrogate = u;
      return n;
    }
    return put(n, u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u);
  }

  /** Writes one code point as UTF-8 into {@link #out} at {@code n}; returns the new end. */
  private int put(int n, int cp) {
    if (cp < 0x80) {
      out[n++] = (byte) cp;
    } else if (cp < 0x800) {
      out[n++] = (byte) (0xC0 | cp >> 6);
      out[n++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      out[n++] = (byte) (0xE0 | cp >> 12);
      out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | cp & 0x3F);
    } else {
      out[n++] = (byte) (0xF0 | cp >> 18);
      out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
      out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | cp & 0x3F);
    }
    return n;
  }
}
