package org.bdr.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914), the key derivation restic's key files use. Written for a cold JVM: every
 * command derives a key once, so the Salsa20/8 core keeps its state in locals, which the JIT
 * compiles within the first milliseconds, instead of in arrays.
 */
final class Scrypt {

  private Scrypt() {}

  /**
   * Derives {@code length} bytes from a password and salt with cost {@code n}, {@code r}, {@code
   * p}.
   */
  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
    if (n < 2 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("scrypt N must be a power of two above 1, got " + n);
    }
    int blockInts = 32 * r;
    byte[] b = pbkdf2(password, salt, p * 128 * r);
    int[] x = new int[blockInts];
    int[] y = new int[blockInts];
    int[] v = new int[blockInts * n];
    for (int i = 0; i < p; i++) {
      int off = i * 128 * r;
      for (int k = 0; k < blockInts; k++) {
        x[k] = littleEndian(b, off + 4 * k);
      }
      roMix(x, y, v, n, r);
      for (int k = 0; k < blockInts; k++) {
        putLittleEndian(b, off + 4 * k, x[k]);
      }
    }
    return pbkdf2(password, b, length);
  }

  private static void roMix(int[] x, int[] y, int[] v, int n, int r) {
    int len = 32 * r;
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, 0, v, i * len, len);
      blockMix(x, y, r);
    }
    for (int i = 0; i < n; i++) {
      int j = x[(2 * r - 1) * 16] & (n - 1);
      int base = j * len;
      for (int k = 0; k < len; k++) {
        x[k] ^= v[base + k];
      }
      blockMix(x, y, r);
    }
  }

  /** BlockMix: Salsa20/8 over the 2r 64-byte blocks, even outputs first, then odd. */
  private static void blockMix(int[] b, int[] y, int r) {
    int[] t = new int[16];
    System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < 16; k++) {
        t[k] ^= b[i * 16 + k];
      }
      salsa8(t);
      int dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(t, 0, y, dest, 16);
    }
    System.arraycopy(y, 0, b, 0, 32 * r);
  }

  private static void salsa8(int[] s) {
    int x0 = s[0], x1 = s[1], x2 = s[2], x3 = s[3], x4 = s[4], x5 = s[5], x6 = s[6], x7 = s[7];
    int x8 = s[8], x9 = s[9], x10 = s[10], x11 = s[11], x12 = s[12], x13 = s[13], x14 = s[14];
    int x15 = s[15];
    for (int round = 0; round < 8; round += 2) {
      x4 ^= Integer.rotateLeft(x0 + x12, 7);
      x8 ^= Integer.rotateLeft(x4 + x0, 9);
      x12 ^= Integer.rotateLeft(x8 + x4, 13);
      x0 ^= Integer.rotateLeft(x12 + x8, 18);
      x9 ^= Integer.rotateLeft(x5 + x1, 7);
      x13 ^= Integer.rotateLeft(x9 + x5, 9);
      x1 ^= Integer.rotateLeft(x13 + x9, 13);
      x5 ^= Integer.rotateLeft(x1 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x6, 7);
      x2 ^= Integer.rotateLeft(x14 + x10, 9);
      x6 ^= Integer.rotateLeft(x2 + x14, 13);
      x10 ^= Integer.rotateLeft(x6 + x2, 18);
      x3 ^= Integer.rotateLeft(x15 + x11, 7);
      x7 ^= Integer.rotateLeft(x3 + x15, 9);
      x11 ^= Integer.rotateLeft(x7 + x3, 13);
      x15 ^= Integer.rotateLeft(x11 + x7, 18);
      x1 ^= Integer.rotateLeft(x0 + x3, 7);
      x2 ^= Integer.rotateLeft(x1 + x0, 9);
      x3 ^= Integer.rotateLeft(x2 + x1, 13);
      x0 ^= Integer.rotateLeft(x3 + x2, 18);
      x6 ^= Integer.rotateLeft(x5 + x4, 7);
      x7 ^= Integer.rotateLeft(x6 + x5, 9);
      x4 ^= Integer.rotateLeft(x7 + x6, 13);
      x5 ^= Integer.rotateLeft(x4 + x7, 18);
      x11 ^= Integer.rotateLeft(x10 + x9, 7);
      x8 ^= Integer.rotateLeft(x11 + x10, 9);
      x9 ^= Integer.rotateLeft(x8 + x11, 13);
      x10 ^= Integer.rotateLeft(x9 + x8, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    s[0] += x0;
    s[1] += x1;
    s[2] += x2;
    s[3] += x3;
    s[4] += x4;
    s[5] += x5;
    s[6] += x6;
    s[7] += x7;
    s[8] += x8;
    s[9] += x9;
    s[10] += x10;
    s[11] += x11;
    s[12] += x12;
    s[13] += x13;
    s[14] += x14;
    s[15] += x15;
  }

  /** PBKDF2-HMAC-SHA256 with one iteration, as scrypt uses it. */
  private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
      byte[] out = new byte[length];
      byte[] counter = new byte[4];
      for (int block = 1, off = 0; off < length; block++, off += 32) {
        counter[0] = (byte) (block >>> 24);
        counter[1] = (byte) (block >>> 16);
        counter[2] = (byte) (block >>> 8);
        counter[3] = (byte) block;
        mac.update(salt);
        byte[] t = mac.doFinal(counter);
        System.arraycopy(t, 0, out, off, Math.min(32, length - off));
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
    }
  }

  private static int littleEndian(byte[] b, int off) {
    return (b[off] & 0xff)
        | (b[off + 1] & 0xff) << 8
        | (b[off + 2] & 0xff) << 16
        | (b[off + 3] & 0xff) << 24;
  }

  private static void putLittleEndian(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }
}
