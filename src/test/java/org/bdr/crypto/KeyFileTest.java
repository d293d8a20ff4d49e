package org.bdr.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyFileTest {

  private static final int CHEAP_N = 1 << 10;

  @Test
  void unlock_rightPassword_returnsSameMasterKey() throws Exception {
    MasterKey master = MasterKey.random();
    KeyFile file = KeyFile.create("s3cret".toCharArray(), master, "u", "h", CHEAP_N);
    KeyFile parsed = KeyFile.parse(file.toJson());
    MasterKey unlocked = parsed.unlock("s3cret".toCharArray());
    byte[] sealed = master.seal(new byte[] {1, 2, 3});
    assertThat(unlocked.open(sealed)).containsExactly(1, 2, 3);
  }

  @Test
  void unlock_wrongPassword_failsAuthentication() {
    KeyFile file = KeyFile.create("right".toCharArray(), MasterKey.random(), "u", "h", CHEAP_N);
    assertThatThrownBy(() -> file.unlock("wrong".toCharArray()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void parse_unknownKdf_namesIt() {
    byte[] json =
        ("{\"kdf\":\"argon2\",\"N\":1024,\"r\":8,\"p\":1,\"salt\":\"AA==\",\"data\":\"AA==\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> KeyFile.parse(json)).hasMessageContaining("argon2");
  }

  @Test
  void toJson_usesResticFieldNames() {
    KeyFile file = KeyFile.create("pw".toCharArray(), MasterKey.random(), "u", "h", CHEAP_N);
    String json = new String(file.toJson(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"kdf\":\"scrypt\"", "\"N\":1024", "\"r\":8", "\"p\":1", "\"salt\"", "\"data\"");
  }
}
