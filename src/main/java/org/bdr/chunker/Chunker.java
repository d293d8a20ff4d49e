package org.bdr.chunker;

import java.util.Arrays;
import java.util.Objects;

/**
 * Finds chunk boundaries in a stream; one instance per stream, not thread-safe.
 *
 * <p>It cuts where restic's chunker cuts: after a chunk's first {@link #MIN_SIZE} bytes, at the
 * first byte where the low 20 bits of the Rabin fingerprint of the last 64 bytes are zero, or at
 * {@link #MAX_SIZE} bytes if that comes first. Boundaries depend only on the content and the
 * polynomial, never on how the caller splits the stream into buffers.
 */
public final class Chunker {

  /** The smallest chunk, except the last chunk of a stream, which may be shorter. */
  public static final int MIN_SIZE = 512 * 1024;

  /** The largest chunk. */
  public static final int MAX_SIZE = 8 * 1024 * 1024;

  // Twenty zero bits: on random data a cut every 1 MiB on average, after the minimum.
  private static final long SPLIT_MASK = (1L << 20) - 1;

  private static final int WINDOW_MASK = RabinTables.WINDOW_SIZE - 1;

  private final long[] mod;
  private final long[] leave;
  private final byte[] window = new byte[RabinTables.WINDOW_SIZE];

  private int windowPos;
  private long digest;

  /** Bytes still to pass over unhashed before a cut becomes possible. */
  private int skip;

  /** Bytes in the current chunk so far. */
  private int count;

  /**
   * Creates a chunker at the start of a stream.
   *
   * @param pol the repository's chunker polynomial
   */
  public Chunker(Polynomial pol) {
    RabinTables tables = RabinTables.of(Objects.requireNonNull(pol, "pol"));
    this.mod = tables.mod;
    this.leave = tables.leave;
    reset();
  }

  /** Starts a new stream (new file). */
  public void reset() {
    Arrays.fill(window, (byte) 0);
    windowPos = 0;
    count = 0;
    // restic primes the window with a single 1 byte; matching it keeps the fingerprints equal.
    digest = slide(0, 1);
    // No cut can come before MIN_SIZE, so only the last window before it needs hashing.
    skip = MIN_SIZE - RabinTables.WINDOW_SIZE;
  }

  /**
   * Scans buf[off, off+len) continuing the current chunk. Returns the number of bytes from off up
   * to and including the cut point if the current chunk ends inside this range (the next call
   * continues a fresh chunk with the remaining bytes), or -1 if the chunk continues past the range
   * (all len bytes belong to the current chunk).
   *
   * @param buf the stream's next bytes
   * @param off where they start in {@code buf}
   * @param len how many there are
   * @return the length from {@code off} through the chunk's last byte, or -1 if it ends later
   * @throws IndexOutOfBoundsException if the range is not inside {@code buf}
   */
  public int next(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);

    int start = off;
    if (skip > 0) {
      if (skip >= len) {
        skip -= len;
        count += len;
        return -1;
      }
      start += skip;
      count += skip;
      skip = 0;
    }

    return scan(buf, off, start, off + len);
  }

  /** Hashes buf[start, end) byte by byte until a cut; the hot loop, so all state is in locals. */
  private int scan(byte[] buf, int off, int start, int end) {
    final long[] mod = this.mod;
    final long[] leave = this.leave;
    final byte[] window = this.window;
    long digest = this.digest;
    int windowPos = this.windowPos;
    int count = this.count;

    for (int i = start; i < end; i++) {
      int in = buf[i] & 0xff;
      long leaving = leave[window[windowPos] & 0xff];
      window[windowPos] = (byte) in;
      windowPos = (windowPos + 1) & WINDOW_MASK;
      digest = (digest << 8) ^ mod[(int) (digest >>> RabinTables.TOP_BYTE_SHIFT)] ^ leaving ^ in;
      count++;

      if (((digest & SPLIT_MASK) == 0 && count >= MIN_SIZE) || count >= MAX_SIZE) {
        reset();
        return i - off + 1;
      }
    }

    this.digest = digest;
    this.windowPos = windowPos;
    this.count = count;
    return -1;
  }

  /** Moves the window one byte on, out of the hot loop. */
  private long slide(long digest, int in) {
    long leaving = leave[window[windowPos] & 0xff];
    window[windowPos] = (byte) in;
    windowPos = (windowPos + 1) & WINDOW_MASK;
    return (digest << 8) ^ mod[(int) (digest >>> RabinTables.TOP_BYTE_SHIFT)] ^ leaving ^ in;
  }

  /** The current fingerprint, for tests that check it against a direct computation. */
  long digest() {
    return digest;
  }
}
