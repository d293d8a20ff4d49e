package org.bdr.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP requests to {@code /mcp}, below any MCP client: for what a client library would never
 * send (no token, foreign origins, broken bodies).
 */
final class RawHttp {

  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"raw-http\",\"version\":\"1\"}}}";

  static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String url;

  RawHttp(String url) {
    this.url = url;
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body as text
   */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The JSON-RPC messages in the body: the body itself, or each SSE {@code data:} line. */
    List<String> messages() {
      String type = header("Content-Type");
      if (type != null && type.startsWith("text/event-stream")) {
        List<String> out = new ArrayList<>();
        body.lines().filter(l -> l.startsWith("data:")).forEach(l -> out.add(l.substring(5)));
        return out;
      }
      return body.isBlank() ? List.of() : List.of(body);
    }
  }

  /** POSTs {@code body} with the given headers (name, value, name, value...). */
  Answer post(byte[] body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      req.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> res =
        http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(res.statusCode(), res.headers().map(), res.body());
  }

  Answer post(String body, String... headers) throws IOException, InterruptedException {
    return post(body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Opens a session (initialize, then initialized) and returns its id. */
  String session(String... headers) throws IOException, InterruptedException {
    Answer init = post(INITIALIZE, headers);
    if (init.status() != 200 || init.header("Mcp-Session-Id") == null) {
      throw new AssertionError("initialize failed: " + init);
    }
    String id = init.header("Mcp-Session-Id");
    List<String> with = new ArrayList<>(List.of(headers));
    with.addAll(List.of("Mcp-Session-Id", id));
    post(INITIALIZED, with.toArray(String[]::new));
    return id;
  }

  /**
   * Sends an initialize request over a plain socket with the given Host header (which {@link
   * HttpClient} refuses to set) and returns the status line.
   */
  static String statusWithHost(int port, String host) throws IOException {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      String head =
          "POST /mcp HTTP/1.1\r\nHost: "
              + host
              + "\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return answer.lines().findFirst().orElse("");
    }
  }
}
