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
   * {@code binaries} hold no text and {@code withSsn} hold one social security number each, in
   * folders of which {@code namedFolders} are named after a patient; in the order they are called
   * (a backup first, so that later tools find it). {@code destination} is a folder that does not
   * exist yet, for a restore plan.
   */
  static Map<String, Sample> forSources(
      Path sources, int files, int binaries, int withSsn, int namedFolders, Path destination) {
    Map<String, Sample> table = new LinkedHashMap<>();
    table.put(
        "create_backup",
        new Sample(
            Map.of(
                "sources",
                List.of(sources.toString()),
                "label",
                "e2e sample",
                "phiScan",
                true,
                "phiPolicy",
                "tag"),
            (r, practice) -> {
              assertThat(r.at("/phi/files").asInt()).isEqualTo(withSsn);
              assertThat(r.at("/phi/byType/SSN").asInt()).isEqualTo(withSsn);
              assertThat(r.at("/phi/folders").asInt()).isEqualTo(namedFolders);
              assertThat(r.at("/phi/tagged").asBoolean()).isEqualTo(withSsn + namedFolders > 0);
              assertThat(r.at("/phi/blocked").asInt()).isZero();
              assertThat(r.path("files").path("total").asInt()).isEqualTo(files);
              assertThat(r.path("files").path("new").asInt()).isEqualTo(files);
              assertThat(r.path("partial").asBoolean()).isFalse();
              assertThat(r.path("label").asText()).isEqualTo("e2e sample");
              assertThat(practice.snapshotIds()).contains(r.path("snapshotId").asText());
            }));
    table.put(
        "list_backups",
        new Sample(
            Map.of("sort", "date", "limit", 10),
            (r, practice) -> {
              assertThat(r.path("matching").asInt()).isEqualTo(1);
              assertThat(r.at("/snapshots/0/id").asText()).isEqualTo(only(practice));
              assertThat(r.at("/snapshots/0/paths/0").asText()).isEqualTo(sources.toString());
              assertThat(r.path("nextCursor").isNull()).isTrue();
              assertThat(r.path("problems")).isEmpty();
            }));
    table.put(
        "verify_backup",
        new Sample(
            Map.of("backupId", "latest", "mode", "deep"),
            (r, practice) -> {
              assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
              assertThat(r.path("backupId").asText()).isEqualTo(only(practice));
              assertThat(r.path("packsRead").asInt()).isPositive();
              assertThat(r.path("errors")).isEmpty();
            }));
    table.put(
        "list_files",
        new Sample(
            Map.of("backupId", "latest", "under", sources.toString(), "limit", 2),
            (r, practice) -> {
              assertThat(r.path("backupId").asText()).isEqualTo(only(practice));
              assertThat(r.path("entries")).hasSize(Math.min(2, files));
              assertThat(r.at("/entries/0/path").asText()).startsWith(sources.toString() + "/");
              assertThat(r.path("total").asInt()).isGreaterThanOrEqualTo(files);
              assertThat(r.path("nextCursor").isNull()).isEqualTo(files <= 2);
            }));
    table.put(
        "restore_backup",
        new Sample(
            Map.of(
                "backupId",
                "latest",
                "sourcePath",
                List.of(sources.toString()),
                "destination",
                destination.toString()),
            (r, practice) -> {
              assertThat(r.path("dryRun").asBoolean()).isTrue();
              assertThat(r.path("backupId").asText()).isEqualTo(only(practice));
              assertThat(r.at("/plan/targetState").asText()).isEqualTo("missing");
              assertThat(r.at("/plan/files").asInt()).isEqualTo(files);
              assertThat(r.at("/plan/conflicts").asInt()).isZero();
              assertThat(r.path("restored").isNull()).isTrue();
              assertThat(destination).doesNotExist();
            }));
    table.put(
        "get_backup_status",
        new Sample(
            Map.of(),
            (r, practice) -> {
              assertThat(r.at("/lastBackup/id").asText()).isEqualTo(only(practice));
              assertThat(r.at("/storage/snapshots").asInt()).isEqualTo(1);
              assertThat(r.at("/locks/held").asInt()).isZero();
            }));
    table.put(
        "export_backup_config",
        new Sample(
            Map.of("format", "json"),
            (r, practice) -> {
              assertThat(r.at("/config/sources/0/paths/0").asText()).isEqualTo(sources.toString());
              assertThat(r.at("/config/sources/0/snapshots").asInt()).isEqualTo(1);
              assertThat(r.path("document").asText()).doesNotContain(Practice.PASSWORD);
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

  /** The id of the practice's only snapshot, as restic lists it. */
  private static String only(Practice practice) throws Exception {
    List<String> ids = practice.snapshotIds();
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }
}
