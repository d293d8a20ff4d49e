package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bdr mcp} as a separate process, its logging turned up as far as it goes. */
class StdioProtocolTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATIENT = "Zebediah Quornwhistle";

  @TempDir Path work;

  @Test
  void serve_anyInputAtTraceLevel_writesOnlyJsonRpcToStdoutAndNoPatientNameToStderr()
      throws Exception {
    Path source = Files.createDirectories(work.resolve("data").resolve(PATIENT));
    Files.writeString(source.resolve("note.txt"), "seen today");
    Path home = Files.createDirectories(work.resolve("home"));
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"%s\","
            + "\"arguments\":%s}}";
    List<String> lines =
        List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":"
                + "\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":"
                + "\"debug\"}}",
            String.format(
                call,
                2,
                "create_backup",
                "{\"sources\":[\"" + source + "\"],\"label\":\"" + PATIENT + "\"}"),
            String.format(call, 3, "scan_phi", "{\"paths\":[\"" + source + "\"]}"),
            String.format(
                call, 4, "restore_backup", "{\"backupId\":\"latest\",\"destination\":\"/x\"}"),
            String.format(call, 5, "list_backups", "[1]"),
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"logging/setLevel\",\"params\":{\"level\":{}}}",
            "{oops",
            "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}]",
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\u0000\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
            "-cp",
            System.getProperty("java.class.path"),
            "org.bdr.cli.Main",
            "mcp");
    pb.environment().put("BDR_HOME", home.toString());
    pb.environment().put("BDR_KEYCHAIN", "off");
    Path err = work.resolve("stderr.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(p, out));
    reader.start();

    try (OutputStream in = p.getOutputStream()) {
      for (String line : lines) {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        Thread.sleep(100);
      }
      in.write(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '\n'});
      waitForAnswer(out, "\"id\":5");
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    reader.join();

    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(stdout.lines().toList()).hasSizeGreaterThanOrEqualTo(lines.size() - 2);
    for (String line : stdout.lines().toList()) {
      JsonNode message = JSON.readTree(line);
      assertThat(message.isObject()).as(line).isTrue();
      assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
      assertThat(line).doesNotContain("java.").doesNotContain("McpSchema$");
    }
    assertThat(stdout).contains("\"id\":2,\"result\"").contains("\"id\":3,\"result\"");
    assertThat(Files.readString(err)).doesNotContain("Quornwhistle");
  }

  private static void copy(Process p, ByteArrayOutputStream out) {
    try {
      p.getInputStream().transferTo(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Waits until the server has answered the slowest early request, so that EOF comes after. */
  private static void waitForAnswer(ByteArrayOutputStream out, String id) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      String s;
      synchronized (out) {
        s = out.toString(StandardCharsets.UTF_8);
      }
      if (s.contains("\"id\":2,") && s.contains("\"id\":3,") && s.contains(id)) {
        return;
      }
      Thread.sleep(50);
    }
  }
}
