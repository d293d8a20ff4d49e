package org.bdr.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code bdr mcp} driven byte by byte from the test: lines written to its stdin, every line of its
 * stdout kept (none may be lost to the check that each one is JSON-RPC), stderr in a file.
 */
final class StdioProcess implements AutoCloseable {

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> everyLine = Collections.synchronizedList(new ArrayList<>());
  private final Path stderr;
  private final Thread reader;

  StdioProcess(List<String> cmd, Map<String, String> env, Path stderr) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
    pb.environment().putAll(env);
    this.process = pb.start();
    this.stdin = process.getOutputStream();
    this.stderr = stderr;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  everyLine.add(line);
                  lines.add(line);
                }
              } catch (IOException e) {
                everyLine.add("(stdout not readable: " + e + ")");
              }
            },
            "bdr-mcp-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Writes {@code message} and a newline to the server's stdin. */
  void send(byte[] message) throws IOException {
    stdin.write(message);
    stdin.write('\n');
    stdin.flush();
  }

  void send(String message) throws IOException {
    send(message.getBytes(StandardCharsets.UTF_8));
  }

  /** The next stdout line; fails after {@code seconds}. */
  String next(int seconds) throws InterruptedException {
    String line = lines.poll(seconds, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError(
          "no answer from bdr mcp within " + seconds + " s; alive: " + process.isAlive());
    }
    return line;
  }

  /** Every line the server wrote to stdout so far. */
  List<String> stdoutLines() {
    synchronized (everyLine) {
      return List.copyOf(everyLine);
    }
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  /** Closes stdin, which stops the server, and waits for it to exit; returns its exit code. */
  int stop() throws IOException, InterruptedException {
    stdin.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bdr mcp did not exit within 60 s after stdin closed");
    }
    reader.join(5_000);
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
