package org.bdr.chunker;

/**
 * Arithmetic on polynomials over GF(2) packed into a {@code long}: bit i is the coefficient of x^i,
 * so addition is XOR and the degree is the index of the highest set bit.
 *
 * <p>Only what the chunker needs is here: reduction for its lookup tables and the pieces of
 * Ben-Or's irreducibility test. Callers keep operands small enough that no product overflows 64
 * bits.
 */
final class Gf2 {

  private Gf2() {}

  /** Returns the degree of {@code p}, or -1 for the zero polynomial. */
  static int degree(long p) {
    return 63 - Long.numberOfLeadingZeros(p);
  }

  /** Returns {@code p mod m}; {@code m} must not be zero. */
  static long mod(long p, long m) {
    if (m == 0) {
      throw new ArithmeticException("polynomial division by zero");
    }
    int dm = degree(m);
    for (int shift = degree(p) - dm; shift >= 0; shift = degree(p) - dm) {
      p ^= m << shift;
    }
    return p;
  }

  /** Returns the greatest common divisor of {@code a} and {@code b}. */
  static long gcd(long a, long b) {
    while (b != 0) {
      long r = mod(a, b);
      a = b;
      b = r;
    }
    return a;
  }

  /**
   * Returns {@code a * b mod m} for {@code a} and {@code b} of lower degree than {@code m}. It
   * works by Horner's rule over the bits of {@code b}, reducing after every doubling, so
   * intermediate values never exceed the degree of {@code m} and {@code m} may use up to 63 bits.
   */
  static long mulMod(long a, long b, long m) {
    long top = 1L << degree(m);
    long result = 0;
    for (int i = degree(b); i >= 0; i--) {
      result <<= 1;
      if ((result & top) != 0) {
        result ^= m;
      }
      if ((b >>> i & 1) != 0) {
        result ^= a;
      }
    }
    return result;
  }

  /**
   * Tells whether {@code f} has no factors but itself and 1, by Ben-Or's test: f of degree n is
   * irreducible iff gcd(f, x^(2^i) - x mod f) = 1 for every i from 1 to n/2. Squaring the previous
   * x^(2^(i-1)) gives each term, so the test costs n/2 modular squarings and gcds.
   */
  static boolean isIrreducible(long f) {
    int n = degree(f);
    if (n < 1) {
      return false;
    }
    long x = mod(2, f);
    long power = x;
    for (int i = 1; i <= n / 2; i++) {
      power = mulMod(power, power, f);
      if (gcd(f, power ^ x) != 1) {
        return false;
      }
    }
    return true;
  }
}
