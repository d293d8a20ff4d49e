package org.bdr.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A token's text split into its id and secret: {@code bdr_} + 8 hex digits + {@code _} + 43
 * base64url characters (32 random bytes). Its hash is SHA-256 over the whole text, so a secret is
 * bound to its id.
 *
 * @param id the token's id
 * @param text the whole token
 */
record BearerToken(String id, String text) {

  private static final String PREFIX = "bdr_";
  private static final int ID_LENGTH = 8;
  private static final int SECRET_BYTES = 32;
  private static final int SECRET_LENGTH = 43;
  private static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;

  /** A new token with the given id and a fresh secret. */
  static BearerToken generate(String id, SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new BearerToken(id, PREFIX + id + "_" + encoded);
  }

  /** A new random id: 8 lowercase hex digits. */
  static String newId(SecureRandom random) {
    byte[] id = new byte[ID_LENGTH / 2];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  /** Whether {@code s} has the form of a token id. */
  static boolean isId(String s) {
    return s.length() == ID_LENGTH && s.chars().allMatch(BearerToken::isLowerHex);
  }

  /** The token in {@code text}, or empty if it does not have a token's form. */
  static Optional<BearerToken> parse(String text) {
    if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String id = text.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
    int sep = PREFIX.length() + ID_LENGTH;
    if (!isId(id) || text.charAt(sep) != '_') {
      return Optional.empty();
    }
    if (!text.substring(sep + 1).chars().allMatch(BearerToken::isBase64Url)) {
      return Optional.empty();
    }
    return Optional.of(new BearerToken(id, text));
  }

  /** SHA-256 of the whole token text. */
  byte[] hash() {
    return sha256(text);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static boolean isBase64Url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  /** The id only: the secret never reaches a log. */
  @Override
  public String toString() {
    return "BearerToken[id=" + id + ", secret=***]";
  }
}
