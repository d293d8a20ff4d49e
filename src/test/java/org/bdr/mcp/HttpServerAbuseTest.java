package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bdr.app.RepositoryOpener;
import org.bdr.app.RepositoryOptions;
import org.bdr.auth.Principal;
import org.bdr.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP transport under misuse by callers holding valid tokens. */
class HttpServerAbuseTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"%s\",\"version\":\"1\"}}}";

  @TempDir Path home;
  private HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server =
        HttpServer.start(
            new RepositoryOpener(Map.of("BDR_HOME", home.toString(), "BDR_KEYCHAIN", "off")),
            new RepositoryOptions(null, null, null),
            "127.0.0.1",
            0,
            false,
            List.of(),
            bearer ->
                switch (bearer) {
                  case "admin" -> Optional.of(new Principal("a", "admin", Role.ADMIN));
                  case "auditor" -> Optional.of(new Principal("b", "auditor", Role.AUDITOR));
                  default -> Optional.empty();
                },
            Role.ADMIN);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void initialize_largerThan64KiB_isRefused() throws Exception {
    HttpResponse<String> r = post("admin", null, String.format(INIT, "x".repeat(70_000)));

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
  }

  @Test
  void initialize_beyondOneTokensShareOfSessions_isRefusedWhileOtherTokensAreServed()
      throws Exception {
    for (int i = 0; i < HttpServer.MAX_SESSIONS / 4; i++) {
      assertThat(post("auditor", null, String.format(INIT, "c")).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = post("auditor", null, String.format(INIT, "c"));
    HttpResponse<String> other = post("admin", null, String.format(INIT, "c"));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void request_namingAnotherTokensSession_isAnsweredAsUnknownSession() throws Exception {
    String session = open("admin");
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    String cancel =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}";

    assertThat(post("auditor", session, ping).statusCode()).isEqualTo(404);
    assertThat(post("auditor", session, cancel).statusCode()).isEqualTo(404);
    assertThat(send("auditor", session, "DELETE").statusCode()).isEqualTo(404);
    assertThat(post("admin", session, ping).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"logging/setLevel\",\"params\":{\"level\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/get\",\"params\":{\"name\":\"x\","
            + "\"arguments\":[1]}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":{}}}",
      })
  void request_withParamsOfTheWrongShape_isAnsweredWithoutJavaNames(String message)
      throws Exception {
    HttpResponse<String> r = post("admin", open("admin"), message);

    JsonNode error = JSON.readTree(r.body()).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).startsWith("Invalid params: 'params.");
    assertThat(r.body()).doesNotContain("java").doesNotContain("$").doesNotContain("jackson");
  }

  @Test
  void toolCall_withArgumentsNotAnObject_isAnInvalidArgumentResult() throws Exception {
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"list_backups\",\"arguments\":[1]}}";

    HttpResponse<String> r = post("admin", open("admin"), call);

    JsonNode result = JSON.readTree(r.body()).path("result");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/structuredContent/error/code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(result.at("/structuredContent/error/message").asText()).contains("'arguments'");
  }

  @Test
  void snapshotPage_withMalformedEscape_namesTheCursorNotAJavaClass() throws Exception {
    String read =
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/read\",\"params\":{\"uri\":"
            + "\"bdr://snapshots/page/%ZZ\"}}";

    HttpResponse<String> r = post("admin", open("admin"), read);

    assertThat(JSON.readTree(r.body()).at("/error/message").asText())
        .contains("cursor")
        .doesNotContain("URLDecoder");
  }

  @Test
  void largeBodies_beyondTheSharedLimit_areRefusedWhileSmallOnesAreServed() throws Exception {
    String session = open("admin");
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\",\"params\":{\"x\":\""
            + "x".repeat(HttpScreen.MAX_BODY - 100)
            + "\"}}";
    java.io.PipedOutputStream[] slow = new java.io.PipedOutputStream[5];
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> held =
        new java.util.ArrayList<>();
    for (int i = 0; i < slow.length; i++) {
      slow[i] = new java.io.PipedOutputStream();
      java.io.PipedInputStream in = new java.io.PipedInputStream(slow[i], 1 << 20);
      held.add(
          http.sendAsync(
              request("admin", session)
                  .POST(
                      HttpRequest.BodyPublishers.fromPublisher(
                          HttpRequest.BodyPublishers.ofInputStream(() -> in), big.length()))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int part = (int) (HttpScreen.MAX_BODIES / slow.length) + 1024;
    for (java.io.PipedOutputStream out : slow) {
      out.write(bytes, 0, part);
      out.flush();
    }
    Thread.sleep(500);

    HttpResponse<String> small =
        post("admin", session, "{\"jsonrpc\":\"2.0\",\"id\":7," + "\"method\":\"ping\"}");
    for (java.io.PipedOutputStream out : slow) {
      try {
        out.write(bytes, part, bytes.length - part);
        out.close();
      } catch (java.io.IOException e) {
        // The server refused the body and closed the connection before reading it all.
      }
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (var f : held) {
      try {
        statuses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
      } catch (java.util.concurrent.ExecutionException e) {
        // Refused before the whole body was sent: the client sees the connection closed.
        statuses.add(503);
      }
    }

    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(statuses).contains(503);
  }

  @Test
  void trace_isNotAllowed() throws Exception {
    HttpResponse<String> r = send("admin", null, "TRACE");

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.body()).doesNotContain("Bearer");
  }

  @Test
  void jettyErrorPage_carriesOnlyTheStatusPhrase() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/x/..;/mcp%2f"))
                .header("Authorization", "Bearer admin")
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Bad Request").doesNotContain("Ambiguous");
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private String open(String token) throws Exception {
    HttpResponse<String> r = post(token, null, String.format(INIT, "test"));
    String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }

  private HttpRequest.Builder request(String token, String session) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "/mcp"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json");
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return b;
  }

  private HttpResponse<String> post(String token, String session, String body) throws Exception {
    HttpRequest.Builder b = request(token, session).POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return r.body().startsWith("id:") || r.body().startsWith("event:") ? sseData(r) : r;
  }

  private HttpResponse<String> send(String token, String session, String method) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "/mcp"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json, text/event-stream")
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The response with its body replaced by the data of its first SSE event. */
  private static HttpResponse<String> sseData(HttpResponse<String> r) {
    String data =
        r.body()
            .lines()
            .filter(l -> l.startsWith("data:"))
            .map(l -> l.substring(5).strip())
            .findFirst()
            .orElse("");
    return new HttpResponse<>() {
      @Override
      public int statusCode() {
        return r.statusCode();
      }

      @Override
      public HttpRequest request() {
        return r.request();
      }

      @Override
      public Optional<HttpResponse<String>> previousResponse() {
        return r.previousResponse();
      }

      @Override
      public java.net.http.HttpHeaders headers() {
        return r.headers();
      }

      @Override
      public String body() {
        return data;
      }

      @Override
      public Optional<javax.net.ssl.SSLSession> sslSession() {
        return r.sslSession();
      }

      @Override
      public URI uri() {
        return r.uri();
      }

      @Override
      public HttpClient.Version version() {
        return r.version();
      }
    };
  }
}
