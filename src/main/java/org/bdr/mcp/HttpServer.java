package org.bdr.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bdr.app.Failures;
import org.bdr.app.RepositoryOpener;
import org.bdr.app.RepositoryOptions;
import org.bdr.auth.Principal;
import org.bdr.auth.Role;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bdr's MCP server over Streamable HTTP at {@code /mcp}, in Jetty.
 *
 * <p>Every request passes, in order: the Host/Origin check ({@link HttpGuard}), the bearer token
 * ({@link BearerCheck}), and the {@link MessageScreen} ({@link HttpScreen}). It speaks plain HTTP:
 * off loopback, TLS belongs to a reverse proxy in front of it.
 */
public final class HttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /**
   * The most sessions served at once. A practice has a handful of assistants, but clients that
   * reconnect often leave sessions behind until they are idle for five minutes; an initialize
   * message is at most 64 KiB, so this many sessions stay within a few MiB.
   */
  static final int MAX_SESSIONS = 256;

  /** Finds whom a bearer token belongs to. */
  public interface Tokens {
    /** The token's principal; empty when it is unknown, revoked or malformed. */
    Optional<Principal> authenticate(String bearer) throws java.io.IOException;
  }

  private final Server jetty;
  private final McpSyncServer mcp;
  private final Cancellations cancellations;
  private boolean stopped;

  private HttpServer(Server jetty, McpSyncServer mcp, Cancellations cancellations) {
    this.jetty = jetty;
    this.mcp = mcp;
    this.cancellations = cancellations;
  }

  /**
   * Starts serving.
   *
   * @param host the address to bind; anything but loopback needs {@code remote}
   * @param port the port, 0 for any free one
   * @param allowedHosts host names clients may use besides the loopback names and {@code host}
   * @param tokens finds whom a bearer token belongs to; null serves without tokens (allowed on
   *     loopback only, for clients that cannot send headers)
   * @param open the role of every call when serving without tokens
   */
  public static HttpServer start(
      RepositoryOpener opener,
      RepositoryOptions options,
      String host,
      int port,
      boolean remote,
      List<String> allowedHosts,
      Tokens tokens,
      Role open)
      throws Exception {
    boolean loopback = isLoopback(host);
    if (!loopback && !remote) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "refusing to listen on "
              + host
              + ": it is not a loopback address and bdr serves plain"
              + " HTTP",
          "put a TLS reverse proxy in front and add --allow-remote, or listen on 127.0.0.1");
    }
    if (tokens == null && !loopback) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "serving without tokens is allowed on loopback only",
          "listen on 127.0.0.1, or leave out --no-auth");
    }
    McpJsonMapper mapper = Mappers.safe();
    Cancellations cancellations = new Cancellations();
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint("/mcp")
            .jsonMapper(mapper)
            .maxRequestSize(HttpScreen.MAX_BODY)
            .keepAliveInterval(Duration.ofSeconds(30))
            .sessionSweepInterval(HttpSessions.SWEEP)
            .contextExtractor(
                req -> {
                  Object caller = req.getAttribute(BearerCheck.CALLER);
                  return caller == null
                      ? McpTransportContext.EMPTY
                      : McpTransportContext.create(Map.of(BearerCheck.CALLER, caller));
                })
            .build();
    McpSyncServer mcp =
        BackupServer.start(
            McpServer.sync(transport),
            mapper,
            new Served(opener, options),
            cancellations,
            new Exchanges(
                exchange -> exchange.sessionId(),
                exchange ->
                    exchange.transportContext().get(BearerCheck.CALLER) instanceof Principal p
                        ? p.role()
                        : open));

    Server jetty = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1", host));
    hosts.addAll(allowedHosts);
    filter(context, new HttpGuard(hosts));
    if (tokens != null) {
      filter(context, new BearerCheck(tokens));
    }
    filter(
        context,
        new HttpScreen(
            new MessageScreen(mapper),
            cancellations,
            new HttpSessions(MAX_SESSIONS, System::nanoTime)));
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/mcp");
    ErrorHandler errors = new QuietErrors();
    errors.setShowStacks(false);
    errors.setShowMessageInTitle(false);
    jetty.setErrorHandler(errors);
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.net.BindException) {
          jetty.stop();
          mcp.close();
          throw new BdrException(
              ErrorCode.INVALID_ARGUMENT,
              "cannot listen on " + host + ":" + port + ": the address is in use",
              "choose another port with --listen, or stop the program that uses this one");
        }
      }
      throw e;
    }
    return new HttpServer(jetty, mcp, cancellations);
  }

  /**
   * Jetty's error pages with the status's own phrase as their message: Jetty's message can name an
   * exception class ("java.lang.OutOfMemoryError: Java heap space").
   */
  private static final class QuietErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback)
        throws java.io.IOException {
      super.generateResponse(request, response, code, HttpStatus.getMessage(code), null, callback);
    }
  }

  private static void filter(ServletContextHandler context, Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "cannot resolve the listen address " + host,
          "give an IP address such as 127.0.0.1");
    }
  }

  /** The port served. */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops; see {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Cancels running calls, waits up to 30 seconds for them to end (a cancelled backup releases its
   * lock), and stops serving. Calling it again does nothing.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      cancellations.cancelAllAndWait(java.time.Duration.ofSeconds(30));
      mcp.close();
      jetty.stop();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("the server did not stop cleanly: {}", Failures.describe(e).code());
    }
  }
}
