package org.bdr.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

  private static final MasterKey KEY = MasterKey.random();

  @Property(tries = 200)
  void seal_thenOpen_returnsPlaintext(@ForAll @Size(max = 5000) byte[] plain) throws Exception {
    byte[] sealed = KEY.seal(plain);
    assertThat(sealed).hasSize(plain.length + MasterKey.OVERHEAD);
    assertThat(KEY.open(sealed)).isEqualTo(plain);
  }

  @Test
  void seal_twice_usesFreshIv() {
    byte[] plain = "same".getBytes(StandardCharsets.UTF_8);
    assertThat(KEY.seal(plain)).isNotEqualTo(KEY.seal(plain));
  }

  @Test
  void open_flippedByteAnywhere_failsAuthentication() {
    byte[] sealed = KEY.seal("patient file".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < sealed.length; i++) {
      byte[] damaged = sealed.clone();
      damaged[i] ^= 0x01;
      assertThatThrownBy(() -> KEY.open(damaged)).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void open_otherKey_failsAuthentication() {
    byte[] sealed = KEY.seal(new byte[100]);
    assertThatThrownBy(() -> MasterKey.random().open(sealed))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void open_tooShort_failsWithLength() {
    assertThatThrownBy(() -> KEY.open(new byte[31]))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("31 bytes");
  }

  @Test
  void toString_revealsNoKeyMaterial() {
    assertThat(KEY.toString()).isEqualTo("MasterKey[secret]");
  }
}
