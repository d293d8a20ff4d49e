package org.bdr.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Passes every POSTed message through the {@link MessageScreen}: malformed or oversized bodies are
 * answered here with a JSON-RPC error, cancellations are recorded against the session, and tool
 * calls reach the SDK tagged with their request id.
 */
final class HttpScreen extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The largest body accepted. */
  static final int MAX_BODY = 4 << 20;

  private final transient MessageScreen screen;
  private final transient Cancellations cancellations;

  HttpScreen(MessageScreen screen, Cancellations cancellations) {
    this.screen = screen;
    this.cancellations = cancellations;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    byte[] body = readBody(req.getInputStream());
    if (body == null) {
      HttpGuard.reject(res, 413, "Invalid Request: the body is larger than 4 MiB");
      return;
    }
    MessageScreen.Verdict v = screen.screen(new String(body, StandardCharsets.UTF_8));
    if (v.cancelled() != null) {
      cancellations.cancel(Cancellations.key(req.getHeader("Mcp-Session-Id"), v.cancelled()));
      res.setStatus(202);
      return;
    }
    if (v.reply() != null) {
      res.setStatus(400);
      res.setContentType("application/json");
      res.setCharacterEncoding("UTF-8");
      res.getOutputStream().write(v.reply().getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Body(req, v.forward().getBytes(StandardCharsets.UTF_8)), res);
  }

  /** The body, or null when it is longer than {@link #MAX_BODY}. */
  private static byte[] readBody(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > MAX_BODY) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** The request with its body replaced by the screened message. */
  private static final class Body extends HttpServletRequestWrapper {
    private final byte[] body;

    Body(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the screened body is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
