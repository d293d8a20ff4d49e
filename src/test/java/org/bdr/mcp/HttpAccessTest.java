package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.mcp.Practice.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may reach {@code bdr serve}: only requests naming this server in Host and Origin, only with
 * an active token, and each call only within the token's role.
 */
class HttpAccessTest {

  @TempDir static Path tmp;

  private static Practice practice;
  private static ServeProcess server;
  private static RawHttp http;

  @BeforeAll
  static void serve() throws Exception {
    practice = new Practice(tmp);
    server = practice.serve(List.of());
    http = new RawHttp(server.url());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void request_withoutToken_is401WithBearerChallenge() throws Exception {
    RawHttp.Answer a = http.post(RawHttp.INITIALIZE);

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(a.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void request_unknownToken_is401() throws Exception {
    RawHttp.Answer a =
        http.post(RawHttp.INITIALIZE, "Authorization", "Bearer bdr_0123456789abcdef0123456789");

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void request_revokedToken_is401() throws Exception {
    String token =
        practice.bdr("token", "create", "--role", "admin", "--name", "old-laptop").stdout();
    String bearer = "Bearer " + token.strip();
    assertThat(http.post(RawHttp.INITIALIZE, "Authorization", bearer).status()).isEqualTo(200);

    practice.bdr("token", "revoke", "old-laptop");
    RawHttp.Answer a = http.post(RawHttp.INITIALIZE, "Authorization", bearer);

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body()).contains("unknown or revoked");
  }

  @Test
  void createBackup_auditorToken_isPermissionDeniedAndWritesNothing() throws Exception {
    ResticBinary.require();
    Path sources = Files.createDirectories(tmp.resolve("auditor-sources"));
    Files.writeString(sources.resolve("ledger.txt"), "paid in full\n");
    Set<String> before = practice.repositoryFiles();

    JsonNode report =
        NodeClients.sdkClient(
            Practice.httpClient(
                server,
                practice.token("auditor"),
                List.of(
                    step(
                        "call",
                        "tool",
                        "create_backup",
                        "arguments",
                        Map.of("sources", List.of(sources.toString()))))),
            tmp);

    JsonNode call = report.path("steps").get(0);
    assertThat(call.path("isError").asBoolean()).as(call.toString()).isTrue();
    assertThat(call.path("structuredContent").path("error").path("code").asText())
        .isEqualTo("PERMISSION_DENIED");
    assertThat(call.path("schemaValid").asBoolean()).isTrue();
    assertThat(practice.repositoryFiles()).isEqualTo(before);
    assertThat(practice.snapshotIds()).isEmpty();
  }

  @Test
  void request_foreignHost_is403() throws Exception {
    String own = RawHttp.statusWithHost(server.port(), "127.0.0.1:" + server.port());
    String foreign = RawHttp.statusWithHost(server.port(), "attacker.example:" + server.port());

    assertThat(own).as("own host passes the guard, then needs a token").contains(" 401 ");
    assertThat(foreign).contains(" 403 ");
  }

  @Test
  void request_foreignOrigin_is403() throws Exception {
    String bearer = "Bearer " + practice.token("admin");

    RawHttp.Answer own =
        http.post(RawHttp.INITIALIZE, "Authorization", bearer, "Origin", "http://localhost:3000");
    RawHttp.Answer foreign =
        http.post(
            RawHttp.INITIALIZE, "Authorization", bearer, "Origin", "https://evil.example.com");

    assertThat(own.status()).isEqualTo(200);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.header("Mcp-Session-Id")).isNull();
  }
}
