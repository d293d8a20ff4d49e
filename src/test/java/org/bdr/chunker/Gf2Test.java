package org.bdr.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gf2Test {

  @ParameterizedTest(name = "deg({0}) = {1}")
  @CsvSource({
    "0, -1",
    "1, 0",
    "2, 1",
    "3, 1",
    "d, 3",
    "13, 4",
    "3af4b284899, 41",
    "8000000000000000, 63"
  })
  void degree_polynomial_indexOfHighestBit(String hex, int expected) {
    assertThat(Gf2.degree(Long.parseUnsignedLong(hex, 16))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} mod {1} = {2}")
  @CsvSource({
    "a, 32, a", // dividend of lower degree is its own remainder
    "0, 1, 0",
    "169, a, 1", // x^8+x^6+x^5+x^3+1 = (x^3+x)(x^5+x^2) + 1
    "2, 2, 0",
    "8000000000000000, 8000000000000000, 0",
    "c, 4, 0",
    "30f, 13, 0" // (x^4+x+1)(x^5+x^4+x^2+1)
  })
  void mod_table_remainder(String p, String m, String expected) {
    assertThat(Gf2.mod(hex(p), hex(m))).isEqualTo(hex(expected));
  }

  @ParameterizedTest(name = "gcd({0}, {1}) = {2}")
  @CsvSource({
    "a, 32, 2",
    "0, 1, 1",
    "169, a, 1",
    "2, 2, 2",
    "a, 3, 3",
    "c, 5, 3",
    "30f, 13, 13",
    "3da3358b4dc173, 3da3358b4dc173, 3da3358b4dc173",
    "3da3358b4dc173, 230d2259defd, 1",
    "230d2259defd, 51b492b3eff2, 13"
  })
  void gcd_table_isSymmetricAndMatches(String a, String b, String expected) {
    assertThat(Gf2.gcd(hex(a), hex(b))).isEqualTo(hex(expected));
    assertThat(Gf2.gcd(hex(b), hex(a))).isEqualTo(hex(expected));
  }

  @ParameterizedTest(name = "{0} * {1} mod {2} = {3}")
  @CsvSource({"1230, 230, 55, 22", "eae8c07dbbb3026, d5d6db9de04771de, dd2bda3b77c9, 425ae8595b7a"})
  void mulMod_reducedOperands_productModulo(String a, String b, String m, String expected) {
    long modulus = hex(m);

    long product = Gf2.mulMod(Gf2.mod(hex(a), modulus), Gf2.mod(hex(b), modulus), modulus);

    assertThat(product).isEqualTo(hex(expected));
  }

  @Property(tries = 200)
  void mulMod_smallOperands_matchesCarrylessProductReduced(
      @ForAll @LongRange(min = 0, max = (1L << 30) - 1) long a,
      @ForAll @LongRange(min = 0, max = (1L << 30) - 1) long b) {
    long modulus = 0x3da3358b4dc173L;
    long carryless = 0;
    for (int i = 0; i < 30; i++) {
      if ((b >>> i & 1) != 0) {
        carryless ^= a << i;
      }
    }

    assertThat(Gf2.mulMod(a, b, modulus)).isEqualTo(Gf2.mod(carryless, modulus));
  }

  @ParameterizedTest(name = "{0} irreducible: {1}")
  @CsvSource({
    "2, true", // x
    "3, true", // x+1
    "7, true", // x^2+x+1
    "5, false", // x^2+1 = (x+1)^2
    "13, true", // x^4+x+1
    "1f, true", // x^4+x^3+x^2+x+1
    "15, false", // x^4+x^2+1 = (x^2+x+1)^2
    "0, false",
    "1, false"
  })
  void isIrreducible_smallPolynomials_matchesFactorisation(String p, boolean expected) {
    assertThat(Gf2.isIrreducible(hex(p))).isEqualTo(expected);
  }

  @Property(tries = 200)
  void isIrreducible_productOfTwoFactors_false(
      @ForAll @LongRange(min = 2, max = (1L << 26) - 1) long a,
      @ForAll @LongRange(min = 2, max = (1L << 27) - 1) long b) {
    long product = 0;
    for (int i = 0; i < 27; i++) {
      if ((b >>> i & 1) != 0) {
        product ^= a << i;
      }
    }

    assertThat(Gf2.isIrreducible(product)).isFalse();
  }

  @Test
  void mod_byZero_throws() {
    assertThatThrownBy(() -> Gf2.mod(5, 0)).isInstanceOf(ArithmeticException.class);
  }

  private static long hex(String digits) {
    return Long.parseUnsignedLong(digits, 16);
  }
}
