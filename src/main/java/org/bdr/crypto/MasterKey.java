package org.bdr.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals every file and blob of a repository: a 32-byte AES-256 key and a Poly1305-AES
 * key (a 16-byte AES key {@code k} and a 16-byte multiplier {@code r}).
 *
 * <p>A sealed message is {@code IV ‖ AES-256-CTR(plaintext) ‖ Poly1305-AES(ciphertext)}, with the
 * IV doubling as the Poly1305 nonce. Instances are immutable and safe to share between threads.
 */
public final class MasterKey {

  /** Bytes a sealed message adds to its plaintext: the IV in front and the tag behind. */
  public static final int OVERHEAD = 16 + 16;

  private static final int IV_SIZE = 16;
  private static final int TAG_SIZE = 16;
  private static final int SLICE = 16 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Cipher> CTR =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/CTR/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-256-CTR is not available in this JVM", e);
            }
          });

  private final byte[] encryptionKey;
  private final byte[] macK;
  private final byte[] macR;
  private final SecretKeySpec aesKey;

  /**
   * Creates a key from its parts; {@code macR} is masked as Poly1305 requires.
   *
   * @throws IllegalArgumentException if a part has the wrong length
   */
  public MasterKey(byte[] encryptionKey, byte[] macK, byte[] macR) {
    requireLength("encryption key", encryptionKey, 32);
    requireLength("MAC key k", macK, 16);
    requireLength("MAC key r", macR, 16);
    this.encryptionKey = encryptionKey.clone();
    this.macK = macK.clone();
    this.macR = maskR(macR);
    this.aesKey = new SecretKeySpec(this.encryptionKey, "AES");
  }

  /** A new key from the system's strong random source. */
  public static MasterKey random() {
    byte[] all = new byte[64];
    RANDOM.nextBytes(all);
    return fromBytes(all);
  }

  /** Splits 64 bytes (as scrypt derives them) into encryption key, MAC k and MAC r. */
  public static MasterKey fromBytes(byte[] all) {
    requireLength("derived key", all, 64);
    return new MasterKey(
        Arrays.copyOfRange(all, 0, 32),
        Arrays.copyOfRange(all, 32, 48),
        Arrays.copyOfRange(all, 48, 64));
  }

  byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  byte[] macK() {
    return macK.clone();
  }

  byte[] macR() {
    return macR.clone();
  }

  /** Encrypts and authenticates {@code plaintext} under a fresh random IV. */
  public byte[] seal(byte[] plaintext) {
    return seal(plaintext, 0, plaintext.length);
  }

  /** Encrypts and authenticates {@code plaintext[off, off+len)} under a fresh random IV. */
  public byte[] seal(byte[] plaintext, int off, int len) {
    byte[] out = new byte[len + OVERHEAD];
    byte[] iv = new byte[IV_SIZE];
    RANDOM.nextBytes(iv);
    System.arraycopy(iv, 0, out, 0, IV_SIZE);
    try {
      Cipher cipher = CTR.get();
      cipher.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
      crypt(cipher, plaintext, off, len, out, IV_SIZE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CTR is not available in this Java runtime", e);
    }
    mac(iv, out, IV_SIZE, len, out, IV_SIZE + len);
    return out;
  }

  /**
   * Checks the tag of a sealed message and decrypts it.
   *
   * @throws AuthenticationException if the message is too short or its tag does not match
   */
  public byte[] open(byte[] sealed) throws AuthenticationException {
    return open(sealed, 0, sealed.length);
  }

  /** Like {@link #open(byte[])} for {@code sealed[off, off+len)}. */
  public byte[] open(byte[] sealed, int off, int len) throws AuthenticationException {
    byte[] plain = new byte[plainLength(len)];
    open(sealed, off, len, plain, 0);
    return plain;
  }

  /**
   * Like {@link #open(byte[], int, int)}, writing the plaintext to {@code dst[dstOff..]} (which
   * needs {@code len - OVERHEAD} bytes) instead of a new array.
   *
   * @return the length of the plaintext
   */
  public int open(byte[] sealed, int off, int len, byte[] dst, int dstOff)
      throws AuthenticationException {
    int cipherLen = plainLength(len);
    byte[] iv = Arrays.copyOfRange(sealed, off, off + IV_SIZE);
    byte[] tag = new byte[TAG_SIZE];
    mac(iv, sealed, off + IV_SIZE, cipherLen, tag, 0);
    byte[] expected = Arrays.copyOfRange(sealed, off + IV_SIZE + cipherLen, off + len);
    if (!MessageDigest.isEqual(tag, expected)) {
      throw new AuthenticationException("ciphertext verification failed (wrong key or damaged)");
    }
    try {
      Cipher cipher = CTR.get();
      cipher.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(iv));
      crypt(cipher, sealed, off + IV_SIZE, cipherLen, dst, dstOff);
      return cipherLen;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CTR is not available in this Java runtime", e);
    }
  }

  private static int plainLength(int sealedLength) throws AuthenticationException {
    if (sealedLength < OVERHEAD) {
      throw new AuthenticationException(
          "ciphertext of "
              + sealedLength
              + " bytes is shorter than the "
              + OVERHEAD
              + "-byte overhead");
    }
    return sealedLength - OVERHEAD;
  }

  /**
   * Runs the counter mode in slices. The JIT replaces the slice loop with the processor's AES
   * instructions only once it has seen many calls; one call per multi-megabyte blob would stay in
   * slow code for the whole blob.
   */
  private static void crypt(Cipher cipher, byte[] in, int off, int len, byte[] out, int outOff)
      throws GeneralSecurityException {
    int done = 0;
    while (len - done > SLICE) {
      done += cipher.update(in, off + done, SLICE, out, outOff + done);
    }
    cipher.doFinal(in, off + done, len - done, out, outOff + done);
  }

  private void mac(byte[] nonce, byte[] msg, int off, int len, byte[] out, int outOff) {
    Poly1305Aes.mac(macK, macR, nonce, msg, off, len, out, outOff);
  }

  private static byte[] maskR(byte[] r) {
    byte[] masked = r.clone();
    masked[3] &= 15;
    masked[7] &= 15;
    masked[11] &= 15;
    masked[15] &= 15;
    masked[4] &= (byte) 252;
    masked[8] &= (byte) 252;
    masked[12] &= (byte) 252;
    return masked;
  }

  private static void requireLength(String what, byte[] bytes, int length) {
    if (bytes == null || bytes.length != length) {
      throw new IllegalArgumentException(
          what + " must be " + length + " bytes, got " + (bytes == null ? "none" : bytes.length));
    }
  }

  @Override
  public String toString() {
    return "MasterKey[secret]";
  }
}
