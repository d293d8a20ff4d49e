package org.bdr.auth;

import java.util.Objects;

/**
 * A token just created, with its secret: the only moment the secret exists outside the caller's
 * hands. Nothing keeps it; show it once.
 *
 * @param info the token's public facts
 * @param token the whole token, {@code bdr_<id>_<secret>}, to send as {@code Authorization: Bearer
 *     <token>}
 */
public record IssuedToken(TokenInfo info, String token) {

  /** Checks that both parts are present. */
  public IssuedToken {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(token, "token");
  }

  /** The facts without the secret. */
  @Override
  public String toString() {
    return "IssuedToken[info=" + info + ", token=bdr_" + info.id() + "_***]";
  }
}
