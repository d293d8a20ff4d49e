package org.bdr.chunker;

/**
 * The Rabin fingerprint computed from its definition, as the residue modulo the polynomial of the
 * bytes read as one big polynomial, without the chunker's tables: the reference that tests check
 * the rolling computation against.
 */
final class Fingerprint {

  private Fingerprint() {}

  /** Fingerprint of {@code data[from, to)}, first byte highest. */
  static long of(Polynomial pol, byte[] data, int from, int to) {
    long residue = 0;
    for (int i = from; i < to; i++) {
      residue = Gf2.mod((residue << 8) | (data[i] & 0xff), pol.value());
    }
    return residue;
  }

  /** Fingerprint of a window of 64 copies of {@code b}. */
  static long ofConstantWindow(Polynomial pol, byte b) {
    byte[] window = new byte[RabinTables.WINDOW_SIZE];
    java.util.Arrays.fill(window, b);
    return of(pol, window, 0, window.length);
  }
}
