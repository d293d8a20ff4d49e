package org.bdr.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What may be shown about a token: never its secret nor its hash.
 *
 * @param id 8 hex digits, also part of the token itself
 * @param name unique among active tokens
 * @param role the role the token grants
 * @param created when it was created
 * @param revoked when it was revoked; null while it is active
 */
public record TokenInfo(String id, String name, Role role, Instant created, Instant revoked) {

  /** Checks that every part but {@code revoked} is present. */
  public TokenInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
  }

  /** Whether the token is still accepted. */
  public boolean active() {
    return revoked == null;
  }
}
