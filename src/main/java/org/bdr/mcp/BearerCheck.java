package org.bdr.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bdr.app.Failures;
import org.bdr.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires {@code Authorization: Bearer TOKEN} with a valid token on every request; otherwise 401.
 * The principal found is kept as a request attribute for the tools.
 */
final class BearerCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(BearerCheck.class);

  /** The request attribute holding the {@link Principal}. */
  static final String CALLER = "org.bdr.caller";

  private final transient HttpServer.Tokens tokens;

  BearerCheck(HttpServer.Tokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String header = req.getHeader("Authorization");
    Optional<Principal> caller = Optional.empty();
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      try {
        caller = tokens.authenticate(header.substring(7).trim());
      } catch (IOException | RuntimeException e) {
        LOG.warn("tokens could not be read: {}", Failures.describe(e).code());
        HttpGuard.reject(
            res, 500, "Server error: the token file cannot be read; see the server's log");
        return;
      }
    }
    if (caller.isEmpty()) {
      res.setHeader("WWW-Authenticate", "Bearer realm=\"bdr\"");
      HttpGuard.reject(
          res,
          401,
          header == null
              ? "Unauthorized: send 'Authorization: Bearer TOKEN' (create one with 'bdr token"
                  + " create')"
              : "Unauthorized: the token is unknown or revoked");
      return;
    }
    req.setAttribute(CALLER, caller.get());
    chain.doFilter(req, res);
  }
}
