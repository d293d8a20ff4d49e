package org.bdr.chunker;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An irreducible polynomial of degree 53 over GF(2), as restic stores it in the repository config.
 *
 * <p>Bit i of {@code value} is the coefficient of x^i. Each repository picks one at random when it
 * is created; the chunker's fingerprints are residues modulo it, so two programs cut the same data
 * at the same places only if they use the same polynomial.
 *
 * @param value the coefficients; bit 53 is set and no higher bit is
 */
public record Polynomial(long value) {

  /** The only degree restic accepts: the largest prime below 64 - 8, so a digest fits a long. */
  static final int DEGREE = 53;

  // Enough that a failure means a broken random source: about 1 in 53 candidates is irreducible.
  private static final int MAX_TRIES = 1_000_000;

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");

  /**
   * Checks that the value is a usable chunker polynomial.
   *
   * @throws IllegalArgumentException if the degree is not 53 or the polynomial is reducible
   */
  public Polynomial {
    int degree = Gf2.degree(value);
    if (degree != DEGREE) {
      throw new IllegalArgumentException(
          "chunker polynomial "
              + Long.toHexString(value)
              + " has degree "
              + degree
              + ", expected "
              + DEGREE
              + "; check the chunker_polynomial in the repository config");
    }
    if (!Gf2.isIrreducible(value)) {
      throw new IllegalArgumentException(
          "chunker polynomial "
              + Long.toHexString(value)
              + " is reducible over GF(2), expected an irreducible one"
              + "; check the chunker_polynomial in the repository config");
    }
  }

  /**
   * Draws a random irreducible polynomial of degree 53, the way restic does for a new repository:
   * random low bits, with x^53 and 1 always present, until Ben-Or's test accepts one.
   *
   * @param random the source of randomness
   * @return a new polynomial
   * @throws IllegalStateException if no candidate passed in a million tries
   */
  public static Polynomial random(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    long lowBits = (1L << DEGREE) - 1;
    for (int i = 0; i < MAX_TRIES; i++) {
      // Without the constant term x would divide the candidate, so it is always set.
      long candidate = (random.nextLong() & lowBits) | (1L << DEGREE) | 1;
      if (Gf2.isIrreducible(candidate)) {
        return new Polynomial(candidate);
      }
    }
    throw new IllegalStateException(
        "no irreducible polynomial found in " + MAX_TRIES + " random tries; is the random broken?");
  }

  /**
   * Parses the hexadecimal form found in restic's repository config, such as {@code
   * 3dea92648f6e83}.
   *
   * @param hex hexadecimal digits without a {@code 0x} prefix
   * @return the polynomial
   * @throws IllegalArgumentException if {@code hex} is not 1 to 16 hex digits or does not name a
   *     valid chunker polynomial
   */
  public static Polynomial parseHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "chunker polynomial \""
              + hex
              + "\" is not 1 to 16 hexadecimal digits without 0x, such as 3dea92648f6e83");
    }
    return new Polynomial(Long.parseUnsignedLong(hex, 16));
  }

  /**
   * Returns the form restic writes in the repository config: lowercase hex without {@code 0x}.
   *
   * @return the hexadecimal digits
   */
  public String toHex() {
    return Long.toHexString(value);
  }

  /**
   * Returns the degree, which is always 53 for a constructed polynomial.
   *
   * @return the index of the highest coefficient
   */
  public int degree() {
    return Gf2.degree(value);
  }

  /**
   * Runs Ben-Or's irreducibility test again; true for every constructed polynomial.
   *
   * @return whether the polynomial has no non-trivial factors
   */
  public boolean isIrreducible() {
    return Gf2.isIrreducible(value);
  }

  @Override
  public String toString() {
    return "Polynomial[" + toHex() + "]";
  }
}
