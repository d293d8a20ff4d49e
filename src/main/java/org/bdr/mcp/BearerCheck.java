package org.bdr.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Requires {@code Authorization: Bearer TOKEN} with a valid token on every request; otherwise 401.
 * The caller found is kept as a request attribute for the tools.
 */
final class BearerCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The request attribute holding the {@link Caller}. */
  static final String CALLER = "org.bdr.caller";

  private final transient Function<String, Optional<Caller>> tokens;

  BearerCheck(Function<String, Optional<Caller>> tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String header = req.getHeader("Authorization");
    Optional<Caller> caller = Optional.empty();
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      caller = tokens.apply(header.substring(7).trim());
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
