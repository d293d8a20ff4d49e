package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.mcp.Practice.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patient identifiers planted in a practice's files must not leak through the MCP server: not in
 * tool results, log notifications, the server's own log at its most verbose, or the state folder. A
 * patient's name that sits in a file name may show only where a result lists files by name.
 */
class CanaryTest {

  /** In a file: a valid-format SSN and a name nobody else uses. */
  private static final List<String> IN_FILE =
      List.of("471-39-2856", "471392856", "Thaddeus", "Vandermolen");

  /**
   * In a file name, and a folder name, the scanner recognises as a patient export: scan_phi shows
   * them redacted; create_backup counts the folder's findings without naming it; a restore plan,
   * which must name the files it would write, shows them as they are.
   */
  private static final List<String> REDACTED_NAME =
      List.of("Zebulon", "Quartermaine", "Ignatius", "Pemberwick");

  /** In a file name the scanner cannot tell from an ordinary one. */
  private static final List<String> FILE_NAME = List.of("Philomena", "Ashcombe");

  /** The tools whose results list files by name, which may hold a patient's name. */
  private static final Set<String> LIST_FILES = Set.of("scan_phi", "restore_backup", "list_files");

  /**
   * bdr's own loggers at their most verbose; the MCP SDK's and Jetty's stay pinned at WARN by
   * simplelogger.properties (at DEBUG they print every request body and header).
   */
  private static final List<String> TRACE =
      List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"stdio", "http"})
  void everyTool_canaryFiles_identifiersStayOutOfResultsLogsAndState(String transport)
      throws Exception {
    ResticBinary.require();
    Practice practice = new Practice(tmp);
    Path folder = tmp.resolve("charts");
    FileTree.write(
        folder,
        List.of(
            FileTree.text(
                "Philomena_Ashcombe_chart.txt",
                "Patient: Thaddeus Vandermolen\nSSN: 471-39-2856\nSeen for a follow-up.\n"),
            FileTree.text(
                "Zebulon_Quartermaine_19610314.txt",
                "Referral. Patient SSN 471-39-2856, Thaddeus Vandermolen.\n"),
            FileTree.text("room-schedule.txt", "Room 2 is closed on Fridays.\n"),
            FileTree.text("Ignatius_Pemberwick_19550607/visit.txt", "Seen for a follow-up.\n")));
    Map<String, ToolSamples.Sample> samples =
        ToolSamples.forSources(folder, 4, 0, 2, 1, tmp.resolve("restore-plan"));
    List<Map<String, Object>> steps = new ArrayList<>();
    steps.add(step("setLevel", "level", "debug"));
    samples.forEach(
        (name, sample) -> steps.add(step("call", "tool", name, "arguments", sample.arguments())));
    steps.add(step("read", "uri", "bdr://status"));
    steps.add(step("read", "uri", "bdr://snapshots"));
    // A path the client names itself may hold a patient's name too.
    Path chart = folder.resolve("Philomena_Ashcombe_chart.txt");
    steps.add(
        step("call", "tool", "scan_phi", "arguments", Map.of("paths", List.of(chart.toString()))));

    JsonNode report;
    String serverLog;
    if (transport.equals("stdio")) {
      report = NodeClients.sdkClient(practice.stdioClient(TRACE, steps), tmp);
      serverLog = report.path("stderr").asText();
    } else {
      String token = practice.token("admin");
      try (ServeProcess server = practice.serve(TRACE)) {
        report = NodeClients.sdkClient(Practice.httpClient(server, token, steps), tmp);
        serverLog = server.output();
      }
      assertAbsent("server log", serverLog, List.of(token));
    }

    for (int i = 1; i < steps.size(); i++) {
      JsonNode call = report.path("steps").get(i);
      String tool = call.has("tool") ? call.path("tool").asText() : "resource";
      assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
      assertThat(call.has("thrown")).as(call.toString()).isFalse();
      assertAbsent(tool + " result", call.toString(), IN_FILE);
      if (!LIST_FILES.contains(tool)) {
        assertAbsent(tool + " result", call.toString(), FILE_NAME, REDACTED_NAME);
      }
      if (tool.equals("scan_phi")) {
        assertAbsent(
            "scan_phi result (names it recognises are redacted)", call.toString(), REDACTED_NAME);
      }
    }
    assertAbsent("log notifications", report.path("logs").toString(), IN_FILE, REDACTED_NAME);
    assertAbsent("log notifications", report.path("logs").toString(), FILE_NAME);
    assertAbsent("server log", serverLog, IN_FILE, REDACTED_NAME, FILE_NAME);
    assertAbsent("state folder", stateFolder(practice.home), IN_FILE, REDACTED_NAME, FILE_NAME);
  }

  @SafeVarargs
  private static void assertAbsent(String where, String text, List<String>... canaries) {
    for (List<String> group : canaries) {
      for (String canary : group) {
        int at = text.indexOf(canary);
        if (at >= 0) {
          throw new AssertionError(
              "'"
                  + canary
                  + "' appears in the "
                  + where
                  + ": …"
                  + text.substring(Math.max(0, at - 400), Math.min(text.length(), at + 100))
                  + "…");
        }
      }
    }
  }

  /** Every file name and every file's content in the state folder, as one text. */
  private static String stateFolder(Path home) throws Exception {
    StringBuilder all = new StringBuilder();
    if (!Files.isDirectory(home)) {
      return "";
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.toList()) {
        all.append(p).append('\n');
        if (Files.isRegularFile(p)) {
          all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
