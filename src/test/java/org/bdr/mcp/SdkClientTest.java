package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.mcp.Practice.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official TypeScript SDK client, over stdio and over Streamable HTTP, sees a complete server:
 * what it declares at initialize, a fully described tool list, every tool answering its sample call
 * with structured content that matches the tool's output schema and the practice's files, and the
 * resources and the runbook prompt describing the same repository.
 */
class SdkClientTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"stdio", "http"})
  void everyFeature_sampleCalls_answerWithValidContentAndRealValues(String transport)
      throws Exception {
    ResticBinary.require();
    Practice practice = new Practice(tmp);
    Path sources = tmp.resolve("practice-files");
    FileTree.write(
        sources,
        List.of(
            FileTree.text("letters/referral.txt", "Referral for follow-up, SSN 536-22-1184.\n"),
            FileTree.text("letters/thanks.txt", "Thank you for the flowers.\n"),
            FileTree.text("schedule/monday.csv", "time,room\n09:00,2\n10:30,1\n"),
            FileTree.random("scans/xray-0001.bin", 300_000, 7),
            FileTree.text("README.txt", "Shared drive of the front desk.\n"),
            FileTree.text("Ignatius_Pemberwick_19550607/visit.txt", "Seen for a follow-up.\n")));
    Map<String, ToolSamples.Sample> samples =
        ToolSamples.forSources(sources, 6, 1, 1, 1, tmp.resolve("restore-plan"));

    List<Map<String, Object>> steps = new ArrayList<>();
    steps.add(step("list"));
    samples.forEach(
        (name, sample) -> steps.add(step("call", "tool", name, "arguments", sample.arguments())));
    steps.add(step("resources"));
    steps.add(step("read", "uri", "bdr://status"));
    steps.add(step("read", "uri", "bdr://snapshots"));
    steps.add(step("prompts"));
    steps.add(
        step(
            "prompt",
            "name",
            "disaster-recovery-runbook",
            "arguments",
            Map.of("destination", "/srv/restored")));
    JsonNode report;
    if (transport.equals("stdio")) {
      report = NodeClients.sdkClient(practice.stdioClient(List.of(), steps), tmp);
    } else {
      try (ServeProcess server = practice.serve(List.of())) {
        report =
            NodeClients.sdkClient(Practice.httpClient(server, practice.token("admin"), steps), tmp);
      }
    }

    assertThat(report.path("serverInfo").path("name").asText()).isEqualTo("bdr");
    for (String capability : List.of("tools", "resources", "prompts", "logging")) {
      assertThat(report.path("capabilities").has(capability)).as(capability).isTrue();
    }
    JsonNode tools = report.path("steps").get(0).path("tools");
    Set<String> listed = new HashSet<>();
    tools.forEach(tool -> listed.add(tool.path("name").asText()));
    assertThat(samples.keySet())
        .as("every listed tool needs a sample in ToolSamples, and every sample a tool")
        .containsExactlyInAnyOrderElementsOf(listed);
    tools.forEach(SdkClientTest::assertDescribed);

    int i = 1;
    for (Map.Entry<String, ToolSamples.Sample> sample : samples.entrySet()) {
      JsonNode call = report.path("steps").get(i++);
      assertThat(call.has("thrown")).as(sample.getKey() + ": " + call).isFalse();
      assertThat(call.path("isError").asBoolean()).as(sample.getKey() + ": " + call).isFalse();
      assertThat(call.path("schemaValid").asBoolean())
          .as(sample.getKey() + ": " + call.path("schemaErrors"))
          .isTrue();
      try {
        sample.getValue().check().verify(call.path("structuredContent"), practice);
      } catch (AssertionError e) {
        throw new AssertionError(sample.getKey() + ": " + call.path("structuredContent"), e);
      }
    }

    String snapshot = practice.snapshotIds().get(0);
    List<String> uris = new ArrayList<>();
    report.path("steps").get(i++).path("resources").forEach(r -> uris.add(r.path("uri").asText()));
    assertThat(uris).contains("bdr://status", "bdr://snapshots");
    JsonNode status = resourceJson(report.path("steps").get(i++));
    assertThat(status.at("/lastBackup/id").asText()).isEqualTo(snapshot);
    JsonNode snapshots = resourceJson(report.path("steps").get(i++));
    assertThat(snapshots.toString()).contains(snapshot);
    List<String> prompts = new ArrayList<>();
    report
        .path("steps")
        .get(i++)
        .path("prompts")
        .forEach(p -> prompts.add(p.path("name").asText()));
    assertThat(prompts).contains("disaster-recovery-runbook");
    JsonNode runbook = report.path("steps").get(i);
    assertThat(runbook.at("/messages/0/content/text").asText())
        .contains("/srv/restored", "restore_backup", "verify_backup");
  }

  @Test
  void createBackup_blockPolicy_listsFileAndFolderNamedAfterPatientAsSchemaSays() throws Exception {
    ResticBinary.require();
    Practice practice = new Practice(tmp);
    Path sources = tmp.resolve("practice-files");
    FileTree.write(
        sources,
        List.of(
            FileTree.text("letters/referral.txt", "Referral for follow-up, SSN 536-22-1184.\n"),
            FileTree.text("Ignatius_Pemberwick_19550607/visit.txt", "Seen for a follow-up.\n"),
            FileTree.text("README.txt", "Shared drive of the front desk.\n")));
    Map<String, Object> arguments =
        Map.of("sources", List.of(sources.toString()), "phiScan", true, "phiPolicy", "block");

    JsonNode report =
        NodeClients.sdkClient(
            practice.stdioClient(
                List.of(), List.of(step("call", "tool", "create_backup", "arguments", arguments))),
            tmp);

    JsonNode call = report.path("steps").get(0);
    assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
    assertThat(call.path("schemaValid").asBoolean())
        .as(call.path("schemaErrors").toString())
        .isTrue();
    JsonNode r = call.path("structuredContent");
    assertThat(r.path("partial").asBoolean()).isTrue();
    assertThat(r.at("/phi/folders").asInt()).isEqualTo(1);
    assertThat(r.at("/phi/blocked").asInt()).isEqualTo(2);
    assertThat(r.path("blocked"))
        .isEqualTo(
            Practice.JSON
                .createArrayNode()
                .add(
                    Practice.JSON
                        .createObjectNode()
                        .put("path", sources.resolve("Ignatius_Pemberwick_19550607").toString())
                        .put(
                            "reason",
                            "its name holds PHI (DATE, NAME); not backed up, nor anything in it"
                                + " (rename the folder to back it up)")
                        .put("folder", true))
                .add(
                    Practice.JSON
                        .createObjectNode()
                        .put("path", sources.resolve("letters/referral.txt").toString())
                        .put("reason", "holds PHI (SSN); not backed up")
                        .put("folder", false)));
    assertThat(r.path("files").path("total").asInt()).isEqualTo(1);
  }

  /** The JSON text of a resource read's only content. */
  private static JsonNode resourceJson(JsonNode read) throws Exception {
    assertThat(read.has("thrown")).as(read.toString()).isFalse();
    assertThat(read.path("contents")).hasSize(1);
    assertThat(read.at("/contents/0/mimeType").asText()).isEqualTo("application/json");
    return Practice.JSON.readTree(read.at("/contents/0/text").asText());
  }

  /** A tool a model can use without guessing: every part described, every hint given. */
  private static void assertDescribed(JsonNode tool) {
    String name = tool.path("name").asText();
    assertThat(tool.path("description").asText()).as(name).hasSizeGreaterThan(40);
    assertThat(tool.path("outputSchema").path("type").asText()).as(name).isEqualTo("object");
    Set<String> required = new HashSet<>();
    tool.path("inputSchema").path("required").forEach(r -> required.add(r.asText()));
    tool.path("inputSchema")
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              assertThat(p.getValue().path("description").asText())
                  .as(name + "." + p.getKey() + " description")
                  .isNotBlank();
              if (!required.contains(p.getKey())) {
                assertThat(p.getValue().has("default"))
                    .as(name + "." + p.getKey() + " is optional and needs a default")
                    .isTrue();
              }
            });
    JsonNode hints = tool.path("annotations");
    for (String hint : List.of("readOnlyHint", "destructiveHint", "idempotentHint")) {
      assertThat(hints.path(hint).isBoolean()).as(name + " " + hint).isTrue();
    }
    assertThat(hints.path("openWorldHint").isBoolean() && !hints.path("openWorldHint").asBoolean())
        .as(name + " openWorldHint false")
        .isTrue();
  }
}
