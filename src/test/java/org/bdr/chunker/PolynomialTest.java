package org.bdr.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolynomialTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "3da3358b4dc173", // restic's own test polynomial
        "2482734cacca49",
        "3dea92648f6e83",
        "37b4d17581c083" // written by restic init into a repository config
      })
  void new_irreducibleOfDegree53_accepted(String hex) {
    Polynomial pol = new Polynomial(Long.parseLong(hex, 16));

    assertThat(pol.degree()).isEqualTo(53);
    assertThat(pol.isIrreducible()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "38f1e565e288df",
        "30a8295b9d5c91",
        "255f4350b962cb",
        "267f776110a235",
        "2f4dae10d41227",
        "312daf4b284899",
        "29dfb6553d01d1",
        "3548245eb26257",
        "3199e7ef4211b3",
        "362f39017dae8b",
        "200d57aa6fdacb",
        "35e0a4efa1d275",
        "2ced55b026577f",
        "260b012010893d",
        "2df29cbcd59e9d",
        "3f2ac7488bd429",
        "3e5cb1711669fb",
        "226d8de57a9959",
        "3c8de80aaf5835",
        "2026a59efb219b",
        "39dfa4d13fb231",
        "3143d0464b3299",
        "3da3358b4dc172" // divisible by x
      })
  void new_reducibleOfDegree53_rejectedNamingTheValue(String hex) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Polynomial(Long.parseLong(hex, 16)))
        .withMessageContaining(hex)
        .withMessageContaining("reducible");
  }

  @ParameterizedTest(name = "{0} has degree {1}")
  @CsvSource({
    "0, -1",
    "1, 0",
    "13, 4", // irreducible, but of the wrong degree
    "1da3358b4dc173, 52",
    "7da3358b4dc173, 54",
    "8000000000000001, 63"
  })
  void new_wrongDegree_rejectedNamingDegree(String hex, int degree) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Polynomial(Long.parseUnsignedLong(hex, 16)))
        .withMessageContaining(hex)
        .withMessageContaining("degree " + degree + ", expected 53");
  }

  @Test
  void random_manyDraws_irreducibleOfDegree53AndDistinct() {
    SecureRandom random = new SecureRandom();
    Set<Long> seen = new HashSet<>();

    for (int i = 0; i < 20; i++) {
      Polynomial pol = Polynomial.random(random);

      assertThat(pol.degree()).isEqualTo(53);
      assertThat(pol.isIrreducible()).isTrue();
      assertThat(pol.value() & 1).isEqualTo(1);
      seen.add(pol.value());
    }
    assertThat(seen).hasSize(20);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3dea92648f6e83", "3da3358b4dc173", "2482734cacca49"})
  void toHex_parseHex_roundTrip(String hex) {
    Polynomial pol = Polynomial.parseHex(hex);

    assertThat(pol.toHex()).isEqualTo(hex);
    assertThat(Polynomial.parseHex(pol.toHex())).isEqualTo(pol);
    assertThat(pol.value()).isEqualTo(Long.parseLong(hex, 16));
  }

  @Test
  void parseHex_upperCase_sameAsLowerCase() {
    assertThat(Polynomial.parseHex("3DA3358B4DC173"))
        .isEqualTo(Polynomial.parseHex("3da3358b4dc173"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "0x3dea92648f6e83",
        "3dea92648f6e8g",
        " 3dea92648f6e83",
        "+3dea92648f6e83",
        "13dea92648f6e83aa"
      })
  void parseHex_notHexDigits_rejectedQuotingInput(String hex) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Polynomial.parseHex(hex))
        .withMessageContaining("\"" + hex + "\"")
        .withMessageContaining("hexadecimal");
  }

  @Test
  void parseHex_validHexButReducible_rejectedAsReducible() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Polynomial.parseHex("38f1e565e288df"))
        .withMessageContaining("reducible");
  }
}
