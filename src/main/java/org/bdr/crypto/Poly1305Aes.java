package org.bdr.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Poly1305-AES: the one-time authenticator that restic puts behind every ciphertext. The pad {@code
 * s} is AES-128 of the nonce under {@code k}; the polynomial is evaluated in three limbs of 44, 44
 * and 42 bits with 64-bit multiplications, which is about twice as fast in Java as the usual five
 * 26-bit limbs.
 */
final class Poly1305Aes {

  private static final java.lang.invoke.VarHandle LE64 =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long M44 = 0xfffffffffffL;
  private static final long M42 = 0x3ffffffffffL;

  /** Bytes per call of the block loop. */
  private static final int SLICE = 4096;

  private static final ThreadLocal<Cipher> ECB =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/ECB/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES is not available in this Java runtime", e);
            }
          });

  private Poly1305Aes() {}

  /**
   * Writes the 16-byte tag of {@code msg[off, off+len)} to {@code out[outOff..]}.
   *
   * @param k the 16-byte AES key that encrypts the nonce
   * @param r the 16-byte multiplier, already clamped
   * @param nonce 16 bytes, used once per key
   */
  static void mac(
      byte[] k, byte[] r, byte[] nonce, byte[] msg, int off, int len, byte[] out, int outOff) {
    byte[] s = pad(k, nonce);

    long t0 = le64(r, 0);
    long t1 = le64(r, 8);
    long r0 = t0 & 0xffc0fffffffL;
    long r1 = ((t0 >>> 44) | (t1 << 20)) & 0xfffffc0ffffL;
    long r2 = (t1 >>> 24) & 0x00ffffffc0fL;
    long s1 = r1 * 20;
    long s2 = r2 * 20;

    long[] h = new long[3];
    int end = off + len;
    int full = off + (len & ~15);
    for (int pos = off; pos < full; pos += SLICE) {
      blocks(h, r0, r1, r2, s1, s2, msg, pos, Math.min(full, pos + SLICE), 1L << 40);
    }
    if (full < end) {
      byte[] last = new byte[16];
      System.arraycopy(msg, full, last, 0, end - full);
      last[end - full] = 1;
      blocks(h, r0, r1, r2, s1, s2, last, 0, 16, 0);
    }
    long h0 = h[0];
    long h1 = h[1];
    long h2 = h[2];

    // full carry
    long c = h1 >>> 44;
    h1 &= M44;
    h2 += c;
    c = h2 >>> 42;
    h2 &= M42;
    h0 += c * 5;
    c = h0 >>> 44;
    h0 &= M44;
    h1 += c;
    c = h1 >>> 44;
    h1 &= M44;
    h2 += c;
    c = h2 >>> 42;
    h2 &= M42;
    h0 += c * 5;
    c = h0 >>> 44;
    h0 &= M44;
    h1 += c;

    // h - p, kept if it does not borrow
    long g0 = h0 + 5;
    c = g0 >>> 44;
    g0 &= M44;
    long g1 = h1 + c;
    c = g1 >>> 44;
    g1 &= M44;
    long g2 = h2 + c - (1L << 42);
    long keepG = (g2 >>> 63) - 1;
    h0 = (h0 & ~keepG) | (g0 & keepG);
    h1 = (h1 & ~keepG) | (g1 & keepG);
    h2 = (h2 & ~keepG) | (g2 & keepG);

    // h + s mod 2^128
    long p0 = le64(s, 0);
    long p1 = le64(s, 8);
    h0 += p0 & M44;
    c = h0 >>> 44;
    h0 &= M44;
    h1 += (((p0 >>> 44) | (p1 << 20)) & M44) + c;
    c = h1 >>> 44;
    h1 &= M44;
    h2 += ((p1 >>> 24) & M42) + c;
    h2 &= M42;
    putLe64(out, outOff, h0 | (h1 << 44));
    putLe64(out, outOff + 8, (h1 >>> 20) | (h2 << 24));
  }

  /**
   * Adds the 16-byte blocks of {@code msg[from, to)}, each with {@code hibit} above its 128 bits,
   * to the accumulator {@code h}, multiplying by {@code r} after each. A slice of a few KiB per
   * call lets the JIT compile this method early and whole, rather than replace one long loop
   * midway.
   */
  private static void blocks(
      long[] h,
      long r0,
      long r1,
      long r2,
      long s1,
      long s2,
      byte[] msg,
      int from,
      int to,
      long hibit) {
    long h0 = h[0];
    long h1 = h[1];
    long h2 = h[2];
    for (int pos = from; pos < to; pos += 16) {
      long m0 = le64(msg, pos);
      long m1 = le64(msg, pos + 8);
      h0 += m0 & M44;
      h1 += ((m0 >>> 44) | (m1 << 20)) & M44;
      h2 += ((m1 >>> 24) & M42) | hibit;

      // d = h * r, as three 128-bit sums of (hi, lo) products
      long d0lo = h0 * r0;
      long d0hi = Math.multiplyHigh(h0, r0);
      long lo = h1 * s2;
      long hi = Math.multiplyHigh(h1, s2);
      d0lo += lo;
      d0hi += hi + (((d0lo ^ Long.MIN_VALUE) < (lo ^ Long.MIN_VALUE)) ? 1 : 0);
      lo = h2 * s1;
      hi = Math.multiplyHigh(h2, s1);
      d0lo += lo;
      d0hi += hi + (((d0lo ^ Long.MIN_VALUE) < (lo ^ Long.MIN_VALUE)) ? 1 : 0);

      long d1lo = h0 * r1;
      long d1hi = Math.multiplyHigh(h0, r1);
      lo = h1 * r0;
      hi = Math.multiplyHigh(h1, r0);
      d1lo += lo;
      d1hi += hi + (((d1lo ^ Long.MIN_VALUE) < (lo ^ Long.MIN_VALUE)) ? 1 : 0);
      lo = h2 * s2;
      hi = Math.multiplyHigh(h2, s2);
      d1lo += lo;
      d1hi += hi + (((d1lo ^ Long.MIN_VALUE) < (lo ^ Long.MIN_VALUE)) ? 1 : 0);

      long d2lo = h0 * r2;
      long d2hi = Math.multiplyHigh(h0, r2);
      lo = h1 * r1;
      hi = Math.multiplyHigh(h1, r1);
      d2lo += lo;
      d2hi += hi + (((d2lo ^ Long.MIN_VALUE) < (lo ^ Long.MIN_VALUE)) ? 1 : 0);
      lo = h2 * r0;
      hi = Math.multiplyHigh(h2, r0);
      d2lo += lo;
      d2hi += hi + (((d2lo ^ Long.MIN_VALUE) < (lo ^ Long.MIN_VALUE)) ? 1 : 0);

      // partial reduction modulo 2^130 - 5
      long c = (d0hi << 20) | (d0lo >>> 44);
      h0 = d0lo & M44;
      d1lo += c;
      d1hi += ((d1lo ^ Long.MIN_VALUE) < (c ^ Long.MIN_VALUE)) ? 1 : 0;
      c = (d1hi << 20) | (d1lo >>> 44);
      h1 = d1lo & M44;
      d2lo += c;
      d2hi += ((d2lo ^ Long.MIN_VALUE) < (c ^ Long.MIN_VALUE)) ? 1 : 0;
      c = (d2hi << 22) | (d2lo >>> 42);
      h2 = d2lo & M42;
      h0 += c * 5;
      c = h0 >>> 44;
      h0 &= M44;
      h1 += c;
    }
    h[0] = h0;
    h[1] = h1;
    h[2] = h2;
  }

  private static byte[] pad(byte[] k, byte[] nonce) {
    try {
      Cipher aes = ECB.get();
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
      return aes.doFinal(nonce, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available in this Java runtime", e);
    }
  }

  private static long le64(byte[] b, int off) {
    return (long) LE64.get(b, off);
  }

  private static void putLe64(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }
}
