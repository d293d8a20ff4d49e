package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input, over both transports: every message gets an error answer, no answer
 * shows a stack trace or a Java class name, and the server keeps serving afterwards.
 */
class RobustnessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MESSAGES = 500;

  /** Above the 4 MiB limit both transports apply. */
  private static final int OVERSIZED = (4 << 20) + 100;

  @TempDir Path tmp;

  /** One kind of bad message, as bytes, for request number {@code id}. */
  private record Abuse(String name, IntFunction<byte[]> message) {}

  private static final List<Abuse> ABUSES =
      List.of(
          new Abuse("truncated JSON", id -> bytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"me")),
          new Abuse("not JSON", id -> bytes("hello server " + id)),
          new Abuse(
              "sources as a number", id -> call(id, "create_backup", "{\"sources\":" + id + "}")),
          new Abuse(
              "sources holding numbers", id -> call(id, "create_backup", "{\"sources\":[1,2,3]}")),
          new Abuse(
              "maxFindings as a string",
              id -> call(id, "scan_phi", "{\"paths\":[\"/\"],\"maxFindings\":\"ten\"}")),
          new Abuse(
              "sensitivity outside its enum",
              id -> call(id, "scan_phi", "{\"paths\":[\"/\"],\"sensitivity\":\"paranoid\"}")),
          new Abuse("unknown argument", id -> call(id, "scan_phi", "{\"paths\":[],\"x\":1}")),
          new Abuse("limit as a string", id -> call(id, "list_backups", "{\"limit\":\"ten\"}")),
          new Abuse(
              "backupId as a number",
              id -> call(id, "restore_backup", "{\"backupId\":5,\"destination\":\"/x\"}")),
          new Abuse(
              "unknown resource",
              id -> request(id, "resources/read", "{\"uri\":\"bdr://patients/" + id + "\"}")),
          new Abuse(
              "unknown prompt", id -> request(id, "prompts/get", "{\"name\":\"leak-everything\"}")),
          new Abuse("unknown tool", id -> call(id, "format_disk", "{}")),
          new Abuse("arguments as an array", id -> call(id, "scan_phi", "[1]")),
          new Abuse("unknown method", id -> request(id, "backups/explode", "{}")),
          new Abuse("tools/call without params", id -> request(id, "tools/call", null)),
          new Abuse("resources/read without params", id -> request(id, "resources/read", null)),
          new Abuse("params as a string", id -> request(id, "tools/list", "\"all\"")),
          new Abuse(
              "batch",
              id ->
                  bytes(
                      "["
                          + new String(request(id, "ping", null), StandardCharsets.UTF_8)
                          + ","
                          + new String(request(id + 1, "ping", null), StandardCharsets.UTF_8)
                          + "]")),
          new Abuse(
              "wrong jsonrpc version", id -> bytes("{\"jsonrpc\":\"1.0\",\"id\":" + id + "}")),
          new Abuse(
              "id as an object",
              id -> bytes("{\"jsonrpc\":\"2.0\",\"id\":{\"n\":" + id + "},\"method\":\"ping\"}")),
          new Abuse("a bare number", id -> bytes(Integer.toString(id))),
          new Abuse("binary garbage", RobustnessTest::garbage));

  /** Once in fifty messages, one longer than the limit (they are costly to build and send). */
  private static byte[] message(int i) {
    if (i % 50 == 49) {
      byte[] big = new byte[OVERSIZED];
      Arrays.fill(big, (byte) 'a');
      byte[] head = bytes("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"ping\",\"x\":\"");
      System.arraycopy(head, 0, big, 0, head.length);
      big[big.length - 2] = '"';
      big[big.length - 1] = '}';
      return big;
    }
    return ABUSES.get(i % ABUSES.size()).message().apply(i);
  }

  private static String kind(int i) {
    return i % 50 == 49 ? "oversized" : ABUSES.get(i % ABUSES.size()).name();
  }

  @Test
  void stdio_500BadMessages_eachAnsweredWithoutInternalsAndServerStillServes() throws Exception {
    Practice practice = new Practice(tmp);
    try (StdioProcess server =
        new StdioProcess(
            practice.stdioCommand(List.of()), practice.env(), tmp.resolve("stderr.txt"))) {
      server.send(RawHttp.INITIALIZE);
      assertThat(server.next(60)).contains("\"serverInfo\"");
      server.send(RawHttp.INITIALIZED);

      for (int i = 2; i < MESSAGES + 2; i++) {
        server.send(message(i));
        assertErrorAnswer(kind(i), List.of(server.next(30)));
      }

      server.send(new String(request(9001, "ping", null), StandardCharsets.UTF_8));
      assertThat(JSON.readTree(server.next(30)).path("result").isObject()).isTrue();
      server.send(new String(request(9002, "tools/list", "{}"), StandardCharsets.UTF_8));
      assertThat(JSON.readTree(server.next(30)).path("result").path("tools").size())
          .isGreaterThanOrEqualTo(2);
      assertThat(server.stop()).isZero();
      for (String line : server.stdoutLines()) {
        assertThat(JSON.readTree(line).path("jsonrpc").asText())
            .as("every stdout line is JSON-RPC: " + cut(line))
            .isEqualTo("2.0");
      }
      assertNoStackTrace(server.stderr());
    }
  }

  @Test
  void http_500BadMessages_eachAnsweredWithoutInternalsAndServerStillServes() throws Exception {
    Practice practice = new Practice(tmp);
    try (ServeProcess server = practice.serve(List.of())) {
      RawHttp http = new RawHttp(server.url());
      String bearer = "Bearer " + practice.token("admin");
      String session = http.session("Authorization", bearer);

      for (int i = 2; i < MESSAGES + 2; i++) {
        RawHttp.Answer a =
            http.post(message(i), "Authorization", bearer, "Mcp-Session-Id", session);
        assertThat(a.status()).as(kind(i)).isIn(200, 400, 404, 413);
        assertErrorAnswer(kind(i), a.messages());
      }

      RawHttp.Answer ping =
          http.post(
              request(9001, "ping", null), "Authorization", bearer, "Mcp-Session-Id", session);
      assertThat(JSON.readTree(ping.messages().get(0)).path("result").isObject()).isTrue();
      RawHttp.Answer list =
          http.post(
              request(9002, "tools/list", "{}"),
              "Authorization",
              bearer,
              "Mcp-Session-Id",
              session);
      assertThat(JSON.readTree(list.messages().get(0)).path("result").path("tools").size())
          .isGreaterThanOrEqualTo(2);
      assertThat(server.alive()).isTrue();
      assertNoStackTrace(server.output());
    }
  }

  /** Exactly one answer, an error (JSON-RPC or isError), naming nothing inside the server. */
  private static void assertErrorAnswer(String kind, List<String> answers) throws Exception {
    assertThat(answers).as(kind).hasSize(1);
    String text = answers.get(0);
    JsonNode answer = JSON.readTree(text);
    boolean rpcError = answer.path("error").path("code").isInt();
    boolean toolError = answer.path("result").path("isError").asBoolean(false);
    assertThat(rpcError || toolError).as(kind + " gets an error: " + cut(text)).isTrue();
    assertNoInternals(kind, text);
  }

  private static void assertNoInternals(String what, String text) {
    assertThat(text)
        .as(what + ": " + cut(text))
        .doesNotContain("Exception", "at org.", "org.bdr", "java.", "\tat ", "stackTrace")
        .doesNotContain("io.modelcontextprotocol", "tools.jackson", "com.fasterxml");
  }

  /** Log lines may name their logger, but no failure may be logged with its stack trace. */
  private static void assertNoStackTrace(String log) {
    assertThat(log).as(cut(log)).doesNotContain("Exception", "\tat ", "Caused by");
  }

  private static String cut(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }

  private static byte[] call(int id, String tool, String arguments) {
    return request(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
  }

  private static byte[] request(int id, String method, String params) {
    return bytes(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\""
            + (params == null ? "" : ",\"params\":" + params)
            + "}");
  }

  /** Random bytes without line ends (a line end would split it into several messages). */
  private static byte[] garbage(int id) {
    SplittableRandom random = new SplittableRandom(id);
    byte[] b = new byte[1 + random.nextInt(2000)];
    for (int i = 0; i < b.length; i++) {
      int v = random.nextInt(256);
      b[i] = (byte) (v == '\n' || v == '\r' ? 0xff : v);
    }
    b[0] = (byte) 0xfe;
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
