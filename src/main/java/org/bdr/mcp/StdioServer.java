package org.bdr.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.bdr.app.RepositoryOpener;
import org.bdr.app.RepositoryOptions;
import org.bdr.auth.Role;

/**
 * bdr's MCP server over stdio: newline-delimited JSON-RPC on stdin and stdout.
 *
 * <p>Every line from stdin passes the {@link MessageScreen} first; only well-formed messages reach
 * the SDK, through a pipe. A malformed line is answered with a JSON-RPC error and the server keeps
 * serving. When stdin closes, running calls are cancelled, and the server stops once they have
 * ended (a cancelled backup leaves no lock).
 */
public final class StdioServer {

  /** The longest line accepted; longer ones are answered with an error and skipped. */
  static final int MAX_LINE = 4 << 20;

  private static final java.time.Duration DRAIN = java.time.Duration.ofMinutes(1);

  private StdioServer() {}

  /**
   * Serves until {@code in} closes.
   *
   * @param role the role every call runs with: the local user's configured role
   * @param out the protocol stream: nothing else may write to it
   */
  public static void serve(
      RepositoryOpener opener,
      RepositoryOptions options,
      Role role,
      InputStream in,
      OutputStream out)
      throws IOException, InterruptedException {
    McpJsonMapper mapper = Mappers.safe();
    Cancellations cancellations = new Cancellations();
    PipedInputStream toSdk = new PipedInputStream(1 << 20);
    PipedOutputStream feed = new PipedOutputStream(toSdk);
    McpSyncServer server =
        BackupServer.start(
            McpServer.sync(new StdioServerTransportProvider(mapper, toSdk, out, MAX_LINE + 1024)),
            mapper,
            new Served(opener, options),
            cancellations,
            new Exchanges(exchange -> "stdio", exchange -> role));
    MessageScreen screen = new MessageScreen(mapper);
    try (feed) {
      BufferedInputStream input = new BufferedInputStream(in, 1 << 16);
      Line line;
      while ((line = readLine(input)) != null) {
        if (!line.tooLong() && line.text().isBlank()) {
          continue;
        }
        MessageScreen.Verdict v =
            line.tooLong()
                ? new MessageScreen.Verdict(
                    null,
                    MessageScreen.errorText(
                        null,
                        MessageScreen.INVALID_REQUEST,
                        "Invalid Request: the message is longer than " + (MAX_LINE >> 20) + " MiB"),
                    null)
                : screen.screen(line.text());
        if (v.cancelled() != null) {
          cancellations.cancel(Cancellations.key("stdio", v.cancelled()));
        }
        if (v.reply() != null) {
          write(out, v.reply());
        }
        if (v.forward() != null) {
          feed.write((v.forward() + "\n").getBytes(StandardCharsets.UTF_8));
          feed.flush();
        }
      }
      cancellations.cancelAllAndWait(DRAIN);
    } finally {
      server.close();
    }
  }

  /** Writes under the lock the SDK's writer holds, so that lines never interleave. */
  private static void write(OutputStream out, String line) throws IOException {
    synchronized (out) {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
      out.flush();
    }
  }

  /**
   * One line of input.
   *
   * @param text the line without its end; empty when it was too long
   * @param tooLong whether it was longer than {@link #MAX_LINE} (its bytes were skipped)
   */
  private record Line(String text, boolean tooLong) {}

  /** The next line, or null at the end of the input. */
  private static Line readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (line.size() < MAX_LINE) {
        line.write(b);
      } else {
        tooLong = true;
      }
    }
    if (b == -1 && line.size() == 0 && !tooLong) {
      return null;
    }
    if (tooLong) {
      return new Line("", true);
    }
    String s = line.toString(StandardCharsets.UTF_8);
    return new Line(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s, false);
  }
}
