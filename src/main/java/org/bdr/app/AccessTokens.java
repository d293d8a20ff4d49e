package org.bdr.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bdr.auth.IssuedToken;
import org.bdr.auth.Principal;
import org.bdr.auth.Role;
import org.bdr.auth.TokenInfo;
import org.bdr.auth.TokenStore;

/**
 * The bearer tokens that remote callers of the MCP server present: creating, listing, revoking and
 * checking them. They are kept, as hashes only, in {@code tokens.json} in the state folder.
 */
public final class AccessTokens {

  /** The token file's name in the state folder. */
  public static final String FILE_NAME = "tokens.json";

  private final StateFolder state;
  private final TokenStore store;

  /** The tokens of the state folder the environment names. */
  public AccessTokens(Map<String, String> env) {
    this(env, Clock.systemUTC());
  }

  /** The same, with {@code clock} giving creation and revocation times. */
  public AccessTokens(Map<String, String> env, Clock clock) {
    this.state = StateFolder.fromEnvironment(env);
    this.store = new TokenStore(state.root().resolve(FILE_NAME), clock);
  }

  /** Where the tokens are kept. */
  public Path file() {
    return store.path();
  }

  /**
   * Creates a token; its secret is in the result and nowhere else.
   *
   * @param name unique among active tokens; null for {@code token-<id>}
   */
  public IssuedToken create(Role role, String name) throws IOException {
    state.ensure();
    return store.create(role, name);
  }

  /** Every token, active and revoked, oldest first; never a secret or a hash. */
  public List<TokenInfo> list() throws IOException {
    return store.list();
  }

  /** Revokes the token with this id, or else the active token with this name. */
  public TokenInfo revoke(String idOrName) throws IOException {
    state.ensure();
    return store.revoke(idOrName);
  }

  /**
   * The caller a bearer token identifies; empty if the token is malformed, unknown, revoked or
   * wrong. Reads the file on every call, so a revocation takes effect at once.
   *
   * @param bearer the token, without the {@code Bearer } prefix
   * @throws org.bdr.error.BdrException if the token file is open to other users or damaged
   */
  public Optional<Principal> authenticate(String bearer) throws IOException {
    return store.authenticate(bearer);
  }
}
