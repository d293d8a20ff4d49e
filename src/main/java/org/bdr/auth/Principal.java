package org.bdr.auth;

import java.util.Objects;

/**
 * The caller a valid token identifies.
 *
 * @param tokenId the token's id (8 hex digits)
 * @param name the token's name
 * @param role the role the token grants
 */
public record Principal(String tokenId, String name, Role role) {

  /** Checks that every part is present. */
  public Principal {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }
}
