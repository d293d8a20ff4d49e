package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample call for every tool bdr's MCP server lists, and what its result must say about the
 * practice's files. A tool the server lists without a sample here fails the tests: add its sample
 * with the tool.
 */
final class ToolSamples {

  /** What a sample call's structured result must show; {@code practice} is the called server's. */
  interface Check {
    void verify(JsonNode structured, Practice practice) throws Exception;
  }

  /**
   * One tool's sample call.
   *
   * @param arguments the call's arguments
   * @param check what its successful result must show
   */
  record Sample(Map<String, Object> arguments, Check check) {}

  private ToolSamples() {}

  /**
   * The samples for a practice whose folder {@code sources} holds {@code files} files, of which
   * {@code binaries} hold no text and {@code withSsn} hold one social security number each; in the
   * order they are called (a backup first, so that later tools find a snapshot).
   */
  static Map<String, Sample> forSources(Path sources, int files, int binaries, int withSsn) {
    Map<String, Sample> table = new LinkedHashMap<>();
    table.put(
        "create_backup",
        new Sample(
            Map.of("sources", List.of(sources.toString()), "label", "e2e sample"),
            (r, practice) -> {
              assertThat(r.path("files").path("total").asInt()).isEqualTo(files);
              assertThat(r.path("files").path("new").asInt()).isEqualTo(files);
              assertThat(r.path("partial").asBoolean()).isFalse();
              assertThat(r.path("label").asText()).isEqualTo("e2e sample");
              assertThat(practice.snapshotIds()).contains(r.path("snapshotId").asText());
            }));
    table.put(
        "scan_phi",
        new Sample(
            Map.of("paths", List.of(sources.toString()), "sensitivity", "medium"),
            (r, practice) -> {
              assertThat(r.path("filesScanned").asInt()).isEqualTo(files - binaries);
              assertThat(r.path("skippedBinaries").asInt()).isEqualTo(binaries);
              assertThat(r.path("countsByType").path("SSN").asInt()).isEqualTo(withSsn);
              assertThat(r.path("countsByFile")).hasSize(withSsn);
              assertThat(r.path("truncated").asBoolean()).isFalse();
            }));
    return table;
  }
}
