package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP Inspector CLI ({@code @modelcontextprotocol/inspector-cli}) lists bdr's tools and calls
 * one, over stdio and over HTTP with a bearer token, as a person trying the server would.
 */
class InspectorTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"stdio", "http"})
  void inspector_listAndCallScanPhi_seesToolsAndFindings(String transport) throws Exception {
    Practice practice = new Practice(tmp);
    Path folder = Files.createDirectories(tmp.resolve("billing"));
    Files.writeString(folder.resolve("claim.txt"), "Member SSN: 536-22-1184\n");
    Files.writeString(folder.resolve("memo.txt"), "Order more paper.\n");
    List<String> call =
        List.of(
            "--method",
            "tools/call",
            "--tool-name",
            "scan_phi",
            "--tool-arg",
            "paths=[\"" + folder + "\"]");

    JsonNode listed;
    JsonNode called;
    if (transport.equals("stdio")) {
      List<String> server = new ArrayList<>();
      practice.env().forEach((k, v) -> server.addAll(List.of("-e", k + "=" + v)));
      server.addAll(practice.stdioCommand(List.of()));
      listed = inspect(with(server, List.of("--method", "tools/list")));
      called = inspect(with(server, call));
    } else {
      try (ServeProcess server = practice.serve(List.of())) {
        List<String> remote =
            List.of(
                server.url(),
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + practice.token("operator"));
        listed = inspect(with(remote, List.of("--method", "tools/list")));
        called = inspect(with(remote, call));
      }
    }

    List<String> names = new ArrayList<>();
    listed.path("tools").forEach(t -> names.add(t.path("name").asText()));
    assertThat(names).contains("create_backup", "scan_phi");
    assertThat(called.path("isError").asBoolean()).as(called.toString()).isFalse();
    assertThat(called.at("/structuredContent/filesScanned").asInt()).isEqualTo(2);
    assertThat(called.at("/structuredContent/countsByType/SSN").asInt()).isEqualTo(1);
    assertThat(called.at("/structuredContent/countsByFile/0/path").asText()).endsWith("claim.txt");
  }

  private JsonNode inspect(List<String> args) throws Exception {
    NodeClients.Result r = NodeClients.inspector(tmp, args);
    assertThat(r.exit()).as(r.output()).isZero();
    String out = r.output();
    int json = out.indexOf("\n{");
    assertThat(json).as("a JSON answer in: " + out).isNotNegative();
    return Practice.JSON.readTree(out.substring(json + 1));
  }

  private static List<String> with(List<String> first, List<String> then) {
    List<String> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
  }
}
