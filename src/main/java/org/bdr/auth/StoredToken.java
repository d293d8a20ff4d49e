package org.bdr.auth;

import java.time.Instant;

/**
 * One entry of the token file: a token's facts and the SHA-256 of its text.
 *
 * @param info the public facts
 * @param sha256 the hash of the whole token text (32 bytes)
 */
record StoredToken(TokenInfo info, byte[] sha256) {

  /** The same token, revoked at {@code when}. */
  StoredToken revokedAt(Instant when) {
    TokenInfo i = info;
    return new StoredToken(new TokenInfo(i.id(), i.name(), i.role(), i.created(), when), sha256);
  }
}
