package org.bdr.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptTest {

  @Test
  void derive_rfc7914Vector_matches() {
    byte[] out =
        Scrypt.derive(
            "password".getBytes(StandardCharsets.US_ASCII),
            "NaCl".getBytes(StandardCharsets.US_ASCII),
            1024,
            8,
            16,
            64);
    assertThat(HexFormat.of().formatHex(out))
        .isEqualTo(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  }

  @Property(tries = 25)
  void derive_anyInput_matchesIndependentImplementation(
      @ForAll @Size(max = 40) byte[] password,
      @ForAll @Size(max = 64) byte[] salt,
      @ForAll @IntRange(min = 1, max = 6) int logN,
      @ForAll @IntRange(min = 1, max = 4) int r,
      @ForAll @IntRange(min = 1, max = 3) int p) {
    int n = 1 << logN;
    assertThat(Scrypt.derive(password, salt, n, r, p, 64))
        .isEqualTo(SCrypt.generate(password, salt, n, r, p, 64));
  }
}
