package org.bdr.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bdr serve} running as a separate process: its port, read from the line it prints when it
 * listens, and everything it wrote to stderr. Closing it sends SIGTERM to that one process.
 */
final class ServeProcess implements AutoCloseable {

  private static final Pattern SERVING =
      Pattern.compile("serving MCP at http://127\\.0\\.0\\.1:(\\d+)/mcp");

  private final Process process;
  private final int port;
  private final StringBuffer output;
  private final Thread reader;

  private ServeProcess(Process process, int port, StringBuffer output, Thread reader) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.reader = reader;
  }

  static ServeProcess start(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process process = pb.start();
    StringBuffer output = new StringBuffer();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  output.append(line).append('\n');
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (IOException e) {
                output.append("(output not readable: ").append(e).append(")\n");
              }
              port.complete(-1);
            },
            "bdr-serve-output");
    reader.setDaemon(true);
    reader.start();
    int p;
    try {
      p = port.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("bdr serve did not start listening within 60 s:\n" + output);
    }
    if (p < 0) {
      throw new AssertionError("bdr serve exited before listening:\n" + output);
    }
    return new ServeProcess(process, p, output, reader);
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/mcp";
  }

  /** Everything the server printed so far (stderr; stdout is empty for {@code serve}). */
  String output() {
    return output.toString();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Stops the server the way a service manager does (SIGTERM) and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    reader.join(5_000);
  }
}
