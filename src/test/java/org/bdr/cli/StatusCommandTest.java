package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bdr.testing.ScratchRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bdr status}, and the history that backups, checks and restores leave for it. */
class StatusCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  ScratchRepository scratch;
  Path records;

  @BeforeEach
  void create() throws Exception {
    scratch = new ScratchRepository(tmp);
    records = Files.createDirectories(tmp.resolve("Jane Doe records"));
    Files.writeString(records.resolve("chart.txt"), "chart");
  }

  private CommandLineRunner.Result bdr(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(scratch.arguments());
    return CommandLineRunner.run(scratch.env, all.toArray(String[]::new));
  }

  @Test
  void status_emptyRepository_criticalExitOne() throws Exception {
    CommandLineRunner.Result text = bdr("status");
    CommandLineRunner.Result json = bdr("status", "--json");

    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.stdout())
        .contains("health: critical")
        .contains("critical NO_BACKUP")
        .contains("last backup: none");
    assertThat(text.stderr()).contains("bdr: the backups need attention now:");
    JsonNode report = JSON.readTree(json.stdout());
    assertThat(report.path("health").asText()).isEqualTo("critical");
    assertThat(report.path("reasons").get(0).path("code").asText()).isEqualTo("NO_BACKUP");
  }

  @Test
  void status_afterBackupCheckAndRestore_healthyWithTheRunsAsRecentActivity() throws Exception {
    bdr("backup", records.toString()).requireSuccess();
    bdr("check").requireSuccess();
    bdr("restore", "latest", "--target", tmp.resolve("restored").toString()).requireSuccess();

    CommandLineRunner.Result text = bdr("status").requireSuccess();
    JsonNode report = JSON.readTree(bdr("status", "--json").requireSuccess().stdout());

    assertThat(text.stdout()).contains("health: healthy").contains("recent activity:");
    assertThat(report.path("health").asText()).isEqualTo("healthy");
    assertThat(report.path("lastBackup").path("files").asLong()).isEqualTo(1);
    assertThat(report.path("storage").path("snapshots").asInt()).isEqualTo(1);
    JsonNode recent = report.path("recent");
    assertThat(recent).hasSize(3);
    assertThat(recent.get(0).path("operation").asText()).isEqualTo("restore");
    assertThat(recent.get(0).path("files").asLong()).isEqualTo(1);
    assertThat(recent.get(1).path("operation").asText()).isEqualTo("check");
    assertThat(recent.get(2).path("operation").asText()).isEqualTo("backup");
    assertThat(recent.get(2).path("outcome").asText()).isEqualTo("ok");
    assertThat(recent.get(2).path("snapshot").asText())
        .isEqualTo(report.path("lastBackup").path("shortId").asText());
    assertThat(Files.readString(scratch.home.resolve("history.jsonl"))).doesNotContain("Jane");
  }

  @Test
  void status_afterAFailedBackup_criticalNamingItsCode() throws Exception {
    bdr("backup", records.toString()).requireSuccess();
    CommandLineRunner.Result failed = bdr("backup", tmp.resolve("Jane Roe scans").toString());

    CommandLineRunner.Result text = bdr("status");
    JsonNode report = JSON.readTree(bdr("status", "--json").stdout());

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.stdout())
        .contains("critical LAST_BACKUP_FAILED")
        .contains("failed with SOURCE_NOT_FOUND")
        .contains("warning RECENT_FAILURES: 1 backup or check failed in the last 7 days");
    assertThat(report.path("lastRun").path("outcome").asText()).isEqualTo("failed");
    assertThat(report.path("failuresLast7Days").asInt()).isEqualTo(1);
    assertThat(Files.readString(scratch.home.resolve("history.jsonl"))).doesNotContain("Jane");
  }
}
