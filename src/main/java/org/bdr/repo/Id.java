package org.bdr.repo;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A 32-byte SHA-256 content address of a blob or repository file, held as four longs so that the
 * index stays compact.
 */
public final class Id implements Comparable<Id> {

  private static final HexFormat HEX = HexFormat.of();

  final long a;
  final long b;
  final long c;
  final long d;

  Id(long a, long b, long c, long d) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** The id whose bytes are {@code bytes}, which must be 32 long. */
  public static Id of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("an id is 32 bytes, got " + bytes.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    return new Id(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
  }

  /**
   * Parses 64 hex digits.
   *
   * @throws IllegalArgumentException naming the text if it is not an id
   */
  public static Id parse(String hex) {
    if (hex == null || hex.length() != 64) {
      throw new IllegalArgumentException("a value that should be an id is not 64 hex digits");
    }
    try {
      return of(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a value that should be an id is not 64 hex digits");
    }
  }

  /**
   * Parses 64 hex digits from {@code chars[off..]} without building a string: index files hold one
   * id per blob, and a repository may have millions.
   */
  static Id parse(char[] chars, int off, int len) {
    if (len != 64) {
      throw new IllegalArgumentException("an id is 64 hex digits, got " + len + " characters");
    }
    return new Id(
        hexLong(chars, off),
        hexLong(chars, off + 16),
        hexLong(chars, off + 32),
        hexLong(chars, off + 48));
  }

  private static long hexLong(char[] chars, int off) {
    long v = 0;
    for (int i = off; i < off + 16; i++) {
      int d = Character.digit(chars[i], 16);
      if (d < 0) {
        throw new IllegalArgumentException("an id holds only hex digits");
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /** The value of each lowercase hex digit, -1 for every other byte. */
  private static final byte[] HEX_VALUE = new byte[256];

  static {
    java.util.Arrays.fill(HEX_VALUE, (byte) -1);
    for (int i = 0; i < 16; i++) {
      HEX_VALUE["0123456789abcdef".charAt(i)] = (byte) i;
    }
  }

  /**
   * Parses 64 lowercase hex digits from the ASCII bytes {@code text[off..]}; null if they are not
   * that.
   */
  static Id parseAscii(byte[] text, int off) {
    if (off < 0 || off + 64 > text.length) {
      return null;
    }
    long[] v = new long[4];
    int bad = 0;
    for (int w = 0; w < 4; w++) {
      long x = 0;
      for (int i = off + 16 * w, end = i + 16; i < end; i++) {
        int d = HEX_VALUE[text[i] & 0xff];
        bad |= d;
        x = (x << 4) | (d & 15);
      }
      v[w] = x;
    }
    return bad < 0 ? null : new Id(v[0], v[1], v[2], v[3]);
  }

  /** Whether {@code text} is 64 lowercase or uppercase hex digits. */
  public static boolean isId(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The SHA-256 of {@code data[off, off+len)}. */
  public static Id hash(byte[] data, int off, int len) {
    MessageDigest sha = sha256();
    sha.update(data, off, len);
    return of(sha.digest());
  }

  /** The SHA-256 of {@code data}. */
  public static Id hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  }

  /** The 32 bytes of this id. */
  public byte[] bytes() {
    return ByteBuffer.allocate(32).putLong(a).putLong(b).putLong(c).putLong(d).array();
  }

  /** 64 lowercase hex digits. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String hex() {
    return HEX.formatHex(bytes());
  }

  /** The first 8 hex digits, as restic shows ids. */
  public String shortHex() {
    return hex().substring(0, 8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Id other && a == other.a && b == other.b && c == other.c && d == other.d;
  }

  @Override
  public int hashCode() {
    return (int) (a ^ (a >>> 32));
  }

  @Override
  public int compareTo(Id o) {
    int r = Long.compareUnsigned(a, o.a);
    if (r == 0) {
      r = Long.compareUnsigned(b, o.b);
    }
    if (r == 0) {
      r = Long.compareUnsigned(c, o.c);
    }
    return r != 0 ? r : Long.compareUnsigned(d, o.d);
  }

  @Override
  public String toString() {
    return hex();
  }
}
