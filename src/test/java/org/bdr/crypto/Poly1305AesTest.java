package org.bdr.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

class Poly1305AesTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The first example of Bernstein's Poly1305-AES paper, appendix B. */
  @Test
  void mac_publishedExample_matches() {
    byte[] r = HEX.parseHex("851fc40c3467ac0be05cc20404f3f700");
    byte[] k = HEX.parseHex("ec074c835580741701425b623235add6");
    byte[] nonce = HEX.parseHex("fb447350c4e868c52ac3275cf9d4327e");
    byte[] msg = HEX.parseHex("f3f6");
    byte[] tag = new byte[16];
    Poly1305Aes.mac(k, r, nonce, msg, 0, msg.length, tag, 0);
    assertThat(HEX.formatHex(tag)).isEqualTo("f4c633c3044fc145f84f335cb81953de");
  }

  @Property(tries = 300)
  void mac_anyMessage_matchesIndependentImplementation(
      @ForAll @Size(max = 300) byte[] msg, @ForAll long seed, @ForAll @IntRange(max = 3) int skew) {
    Random rnd = new Random(seed);
    byte[] k = new byte[16];
    byte[] r = new byte[16];
    byte[] nonce = new byte[16];
    rnd.nextBytes(k);
    rnd.nextBytes(r);
    rnd.nextBytes(nonce);
    if (skew == 0) {
      java.util.Arrays.fill(msg, (byte) 0xff);
    }
    byte[] clamped = clamp(r);
    byte[] mine = new byte[16];
    Poly1305Aes.mac(k, clamped, nonce, msg, 0, msg.length, mine, 0);
    assertThat(mine).isEqualTo(reference(k, clamped, nonce, msg));
  }

  @Test
  void mac_largeMessagesOfAllOnes_matchIndependentImplementation() {
    byte[] k = new byte[16];
    byte[] r = new byte[16];
    java.util.Arrays.fill(k, (byte) 0xff);
    java.util.Arrays.fill(r, (byte) 0xff);
    byte[] nonce = new byte[16];
    for (int len : new int[] {1 << 16, (1 << 20) + 7}) {
      byte[] msg = new byte[len];
      java.util.Arrays.fill(msg, (byte) 0xff);
      byte[] mine = new byte[16];
      Poly1305Aes.mac(k, clamp(r), nonce, msg, 0, len, mine, 0);
      assertThat(mine).isEqualTo(reference(k, clamp(r), nonce, msg));
    }
  }

  private static byte[] clamp(byte[] r) {
    byte[] c = r.clone();
    c[3] &= 15;
    c[7] &= 15;
    c[11] &= 15;
    c[15] &= 15;
    c[4] &= (byte) 252;
    c[8] &= (byte) 252;
    c[12] &= (byte) 252;
    return c;
  }

  private static byte[] reference(byte[] k, byte[] r, byte[] nonce, byte[] msg) {
    byte[] key = new byte[32];
    System.arraycopy(r, 0, key, 0, 16);
    System.arraycopy(k, 0, key, 16, 16);
    Poly1305 poly = new Poly1305(AESEngine.newInstance());
    poly.init(new ParametersWithIV(new KeyParameter(key), nonce));
    poly.update(msg, 0, msg.length);
    byte[] out = new byte[16];
    poly.doFinal(out, 0);
    return out;
  }
}
