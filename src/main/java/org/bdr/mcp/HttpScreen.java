package org.bdr.mcp;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
import java.util.concurrent.atomic.AtomicLong;
import org.bdr.auth.Principal;

/**
 * Passes every POSTed message through the {@link MessageScreen}: malformed or oversized bodies are
 * answered here with a JSON-RPC error, cancellations are recorded against the session, and tool
 * calls reach the SDK tagged with their request id. Every request naming a session must come from
 * the token that opened it, and new sessions are refused while {@link HttpSessions} is full.
 */
final class HttpScreen extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The largest body accepted. */
  static final int MAX_BODY = 4 << 20;

  /**
   * The most body bytes all requests together may hold while they are read and screened: each byte
   * is copied several times on its way to the SDK, and many large messages at once would exhaust
   * the heap that running backups need.
   */
  static final long MAX_BODIES = 16L << 20;

  /** Bodies up to this size do not count against {@link #MAX_BODIES}: they are always served. */
  static final int SMALL_BODY = 16 << 10;

  private final transient AtomicLong bodies = new AtomicLong();

  /** The largest initialize message accepted: real clients send a few hundred bytes. */
  static final int MAX_INITIALIZE = 64 << 10;

  private static final String SESSION = "Mcp-Session-Id";

  private final transient MessageScreen screen;
  private final transient Cancellations cancellations;
  private final transient HttpSessions sessions;

  HttpScreen(MessageScreen screen, Cancellations cancellations, HttpSessions sessions) {
    this.screen = screen;
    this.cancellations = cancellations;
    this.sessions = sessions;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String session = req.getHeader(SESSION);
    String owner = owner(req);
    if (session != null && !sessions.mayUse(session, owner)) {
      HttpGuard.reject(res, 404, "Not Found: no such session; initialize a new one");
      return;
    }
    if (!"POST".equals(req.getMethod())) {
      forward(req, res, chain, session);
      if ("DELETE".equals(req.getMethod()) && session != null && res.getStatus() < 300) {
        sessions.closed(session);
      }
      return;
    }
    Budget budget = new Budget(bodies);
    try {
      post(req, res, chain, session, owner, budget);
    } finally {
      budget.release();
    }
  }

  private void post(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      String session,
      String owner,
      Budget budget)
      throws IOException, ServletException {
    byte[] body = readBody(req.getInputStream(), budget);
    if (body == BUSY) {
      res.setHeader("Retry-After", "5");
      HttpGuard.reject(
          res, 503, "Service Unavailable: too many large messages at once; retry shortly");
      return;
    }
    if (body == null) {
      HttpGuard.reject(res, 413, "Invalid Request: the body is larger than 4 MiB");
      return;
    }
    MessageScreen.Verdict v = screen.screen(new String(body, StandardCharsets.UTF_8));
    if (v.cancelled() != null) {
      cancellations.cancel(Cancellations.key(session, v.cancelled()));
      res.setStatus(202);
      return;
    }
    if (v.reply() != null) {
      // A tool result (a call with malformed arguments) is an answer like any other.
      res.setStatus(MessageScreen.isResult(v.reply()) ? 200 : 400);
      res.setContentType("application/json");
      res.setCharacterEncoding("UTF-8");
      res.getOutputStream().write(v.reply().getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (MessageScreen.INITIALIZE.equals(v.method())) {
      if (body.length > MAX_INITIALIZE) {
        HttpGuard.reject(res, 413, "Invalid Request: an initialize message is at most 64 KiB");
        return;
      }
      if (!sessions.hasRoom(owner)) {
        res.setHeader("Retry-After", "60");
        HttpGuard.reject(
            res,
            503,
            "Service Unavailable: too many open sessions; close unused clients or retry later");
        return;
      }
    }
    forward(new Body(req, v.forward().getBytes(StandardCharsets.UTF_8)), res, chain, session);
    String opened = res.getHeader(SESSION);
    if (session == null && opened != null) {
      sessions.opened(opened, owner);
    }
  }

  /** Passes the request on, counting it as an open stream of its session until it completes. */
  private void forward(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain, String session)
      throws IOException, ServletException {
    if (session == null) {
      chain.doFilter(req, res);
      return;
    }
    sessions.streamStarted(session);
    boolean async = false;
    try {
      chain.doFilter(req, res);
      if (req.isAsyncStarted()) {
        req.getAsyncContext().addListener(new StreamEnd(sessions, session));
        async = true;
      }
    } finally {
      if (!async) {
        sessions.streamEnded(session);
      }
    }
  }

  /** Whose request it is: the token's id, or one shared owner when serving without tokens. */
  private static String owner(HttpServletRequest req) {
    return req.getAttribute(BearerCheck.CALLER) instanceof Principal p ? p.tokenId() : "";
  }

  /** Ends a session's stream when its asynchronous response completes, however it ends. */
  private record StreamEnd(HttpSessions sessions, String session) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      sessions.streamEnded(session);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /**
   * The body; null when it is longer than {@link #MAX_BODY}, {@link #BUSY} when the bodies being
   * read and screened at once would pass {@link #MAX_BODIES}.
   */
  private static byte[] readBody(InputStream in, Budget budget) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > MAX_BODY) {
        return null;
      }
      if (out.size() + n > SMALL_BODY && !budget.take(n)) {
        return BUSY;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static final byte[] BUSY = new byte[0];

  /** The bytes of bodies one request holds against the shared limit, given back when it ends. */
  private static final class Budget {
    private final AtomicLong shared;
    private long held;

    Budget(AtomicLong shared) {
      this.shared = shared;
    }

    boolean take(int n) {
      held += n;
      return shared.addAndGet(n) <= MAX_BODIES;
    }

    void release() {
      shared.addAndGet(-held);
      held = 0;
    }
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
