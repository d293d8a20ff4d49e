package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.mcp.Practice.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two assistants back up into one repository at the same moment, as two workstations of a practice
 * would: over stdio each through its own {@code bdr mcp} process, over HTTP through two sessions of
 * one server. Both backups are saved and the repository stays intact, content shared by both
 * included.
 */
class ConcurrencyTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"stdio", "http"})
  void createBackup_twoClientsAtOnce_bothSavedAndRepositoryIntact(String transport)
      throws Exception {
    ResticBinary.require();
    Practice practice = new Practice(tmp);
    List<Path> folders = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      Path folder = tmp.resolve("workstation-" + w);
      FileTree.write(
          folder,
          List.of(
              FileTree.random("own/scan.bin", 24L << 20, 10 + w),
              FileTree.random("shared/template.bin", 8L << 20, 99),
              FileTree.text("notes.txt", "workstation " + w + "\n")));
      folders.add(folder);
    }

    JsonNode report;
    if (transport.equals("stdio")) {
      report =
          NodeClients.sdkClient(
              Map.of(
                  "clients",
                  List.of(
                      practice.stdioClient(List.of(), backup(folders.get(0))),
                      practice.stdioClient(List.of(), backup(folders.get(1))))),
              tmp);
    } else {
      try (ServeProcess server = practice.serve(List.of())) {
        String token = practice.token("operator");
        report =
            NodeClients.sdkClient(
                Map.of(
                    "clients",
                    List.of(
                        Practice.httpClient(server, token, backup(folders.get(0))),
                        Practice.httpClient(server, token, backup(folders.get(1))))),
                tmp);
      }
    }

    JsonNode a = report.at("/clients/0/steps/0");
    JsonNode b = report.at("/clients/1/steps/0");
    for (JsonNode call : List.of(a, b)) {
      assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
      assertThat(call.has("thrown")).as(call.toString()).isFalse();
      assertThat(call.at("/structuredContent/files/total").asInt()).isEqualTo(3);
    }
    assertThat(a.path("startedAt").asLong())
        .as("the two backups ran at the same time")
        .isLessThan(b.path("endedAt").asLong());
    assertThat(b.path("startedAt").asLong()).isLessThan(a.path("endedAt").asLong());
    assertThat(practice.snapshotIds())
        .containsExactlyInAnyOrder(
            a.at("/structuredContent/snapshotId").asText(),
            b.at("/structuredContent/snapshotId").asText());
    assertThat(practice.locks()).isEmpty();
    practice.restic.run("check", "--read-data").requireSuccess();
  }

  private static List<Map<String, Object>> backup(Path folder) {
    return List.of(
        step(
            "call",
            "tool",
            "create_backup",
            "arguments",
            Map.of("sources", List.of(folder.toString()))));
  }
}
