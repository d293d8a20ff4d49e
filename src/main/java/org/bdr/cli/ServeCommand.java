package org.bdr.cli;

import java.util.ArrayList;
import java.util.List;
import org.bdr.app.AccessTokens;
import org.bdr.auth.Role;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.mcp.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bdr serve}: the MCP server over Streamable HTTP, for remote assistants. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve MCP over Streamable HTTP at http://HOST:PORT/mcp.",
      "Every request needs 'Authorization: Bearer TOKEN' (see 'bdr token create'). Plain HTTP:"
          + " off loopback, put a TLS reverse proxy in front."
    })
final class ServeCommand extends BaseCommand {

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "address to listen on (default: 127.0.0.1:8765)")
  String listen = "127.0.0.1:8765";

  @Option(
      names = "--allow-remote",
      description =
          "allow listening on an address other than loopback (plain HTTP: use a TLS proxy)")
  boolean remote;

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      description = "a host name clients use to reach the server (Host/Origin check); repeatable")
  List<String> allowedHosts = new ArrayList<>();

  @Option(
      names = "--no-auth",
      description =
          "serve without tokens (loopback only; for test clients that cannot send headers)")
  boolean noAuth;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "with --no-auth: the role every call runs with (default: auditor, read-only)")
  String role = "auditor";

  @Override
  int execute() throws Exception {
    int colon = listen.lastIndexOf(':');
    if (colon <= 0) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "--listen needs HOST:PORT",
          "give e.g. --listen 127.0.0.1:8765");
    }
    String host = listen.substring(0, colon).replace("[", "").replace("]", "");
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT, "--listen: the port is not a number", "give e.g. 8765");
    }
    AccessTokens tokens = new AccessTokens(main.env);
    HttpServer server =
        HttpServer.start(
            opener,
            options.repository(),
            host,
            port,
            remote,
            allowedHosts,
            noAuth ? null : tokens::authenticate,
            Role.parse(role));
    // Ctrl-C or SIGTERM: running calls are cancelled and end cleanly (no lock left behind).
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mcp-http-stop"));
    try {
      console.err.println(
          "bdr: serving MCP at http://"
              + (host.contains(":") ? "[" + host + "]" : host)
              + ":"
              + server.port()
              + "/mcp"
              + (noAuth ? " WITHOUT tokens (loopback only)" : "")
              + (remote ? " — plain HTTP: keep a TLS reverse proxy in front" : ""));
      server.join();
    } finally {
      server.stop();
    }
    return Main.OK;
  }
}
