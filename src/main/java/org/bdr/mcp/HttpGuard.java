package org.bdr.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first check on every HTTP request: the method must be one MCP uses (no TRACE echoing headers
 * back), and the Host and Origin headers must name this server (a web page from elsewhere must not
 * reach it through DNS rebinding).
 */
final class HttpGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final transient List<String> hosts;

  /** A guard admitting the given host names (any port) in Host and Origin. */
  HttpGuard(List<String> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String method = req.getMethod();
    if (!"POST".equals(method) && !"GET".equals(method) && !"DELETE".equals(method)) {
      res.setHeader("Allow", "GET, POST, DELETE");
      reject(res, 405, "Method Not Allowed: MCP uses POST, GET and DELETE");
      return;
    }
    String host = req.getHeader("Host");
    if (host == null || !allowed(hostName(host))) {
      reject(res, 403, "Forbidden: the Host header does not name this server");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !origin.isBlank() && !allowedOrigin(origin)) {
      reject(res, 403, "Forbidden: requests from origin pages of other sites are refused");
      return;
    }
    chain.doFilter(req, res);
  }

  private boolean allowed(String name) {
    return name != null && hosts.stream().anyMatch(h -> h.equalsIgnoreCase(name));
  }

  private boolean allowedOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && allowed(uri.getHost() == null ? null : strip(uri.getHost()));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** The host part of a Host header: {@code name}, {@code name:port}, {@code [v6]:port}. */
  static String hostName(String header) {
    String h = header.trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? null : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static String strip(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Answers with a JSON-RPC error body and the given status. */
  static void reject(HttpServletResponse res, int status, String message) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.getOutputStream()
        .write(MessageScreen.errorText(null, -32000, message).getBytes(StandardCharsets.UTF_8));
  }
}
