package org.bdr.chunker;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The two lookup tables that let the chunker update its Rabin fingerprint with one XOR per table
 * for each byte. Immutable once built, so one instance is shared by every chunker of a polynomial.
 */
final class RabinTables {

  /** Bytes in the sliding window over which the fingerprint is taken. */
  static final int WINDOW_SIZE = 64;

  /** Shift that brings the fingerprint's top byte, bits 45 to 52, down to a table index. */
  static final int TOP_BYTE_SHIFT = Polynomial.DEGREE - 8;

  // A backup makes a chunker per file on several threads, but a repository has one polynomial.
  private static final ConcurrentMap<Polynomial, RabinTables> CACHE = new ConcurrentHashMap<>();

  /**
   * mod[t] holds both t * x^53 and its residue. After shifting a byte in, XORing mod[t] with the
   * fingerprint's former top byte t clears the bits above degree 53 and adds their residue.
   */
  final long[] mod = new long[256];

  /**
   * leave[b] is the fingerprint of b followed by WINDOW_SIZE zero bytes: what b, the oldest byte of
   * the window, would contribute after the next shift. The fingerprint is linear, so XORing it in
   * during that shift removes b. restic removes b before the shift instead; by linearity the result
   * is the same, and this way the lookup for b does not wait for the previous fingerprint.
   */
  final long[] leave = new long[256];

  private RabinTables(long pol) {
    for (int b = 0; b < 256; b++) {
      long fingerprint = b;
      for (int i = 0; i < WINDOW_SIZE; i++) {
        fingerprint = Gf2.mod(fingerprint << 8, pol);
      }
      leave[b] = fingerprint;

      long overflow = (long) b << Polynomial.DEGREE;
      mod[b] = Gf2.mod(overflow, pol) | overflow;
    }
  }

  /** Returns the tables for {@code pol}, building them on first use. */
  static RabinTables of(Polynomial pol) {
    return CACHE.computeIfAbsent(pol, p -> new RabinTables(p.value()));
  }
}
