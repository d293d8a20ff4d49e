package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --snapshot}, {@code restore --dry-run} and {@code export-config}. */
class VerifyRestoreExportCommandsTest {

  private static final String PASSWORD = "lantern-87-harbour-fig";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path data;
  private String snapshot;

  @BeforeEach
  void oneBackup() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("chart.txt"), "follow-up in 2 weeks\n");
    Files.writeString(data.resolve("draft.tmp"), "scratch");
    Path pw = tmp.resolve("pw");
    Files.writeString(pw, PASSWORD + "\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    bdr("init").requireSuccess();
    bdr("backup", data.toString(), "--exclude", "*.tmp", "--label", "evening").requireSuccess();
    JsonNode list = JSON.readTree(bdr("snapshots", "--json").requireSuccess().stdout());
    snapshot = list.findValue("id").asText();
  }

  private CommandLineRunner.Result bdr(String... args) {
    return CommandLineRunner.inFolder(tmp, "pw", args);
  }

  @Test
  void check_snapshotReadData_namesItAndThePacksRead() throws Exception {
    CommandLineRunner.Result text =
        bdr("check", "--read-data", "--snapshot", snapshot.substring(0, 8)).requireSuccess();
    JsonNode json =
        JSON.readTree(bdr("check", "--snapshot", "latest", "--json").requireSuccess().stdout());

    assertThat(text.stdout())
        .startsWith("checked snapshot " + snapshot.substring(0, 8) + ", ")
        .contains("; read 2 packs (")
        .contains("no errors were found");
    assertThat(json.at("/snapshot").asText()).isEqualTo(snapshot);
    assertThat(json.at("/result/checkedSnapshots/0").asText()).isEqualTo(snapshot);
    assertThat(json.at("/result/ok").asBoolean()).isTrue();
  }

  @Test
  void check_unknownSnapshot_failsWithBackupNotFound() throws Exception {
    CommandLineRunner.Result r = bdr("check", "--snapshot", "abcdef12", "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(r.stdout()).at("/error/code").asText()).isEqualTo("BACKUP_NOT_FOUND");
  }

  @Test
  void restore_dryRun_printsThePlanAndWritesNothing() throws Exception {
    Path target = tmp.resolve("target");

    CommandLineRunner.Result text =
        bdr("restore", "latest", "--target", target.toString(), "--dry-run").requireSuccess();
    JsonNode json =
        JSON.readTree(
            bdr("restore", "latest", "--target", target.toString(), "--dry-run", "--json")
                .requireSuccess()
                .stdout());

    String chart = data.resolve("chart.txt").toString().substring(1);
    assertThat(text.stdout())
        .contains("(target missing); dry run, nothing was written")
        .containsPattern("create +file +21 .*  " + java.util.regex.Pattern.quote(chart))
        .contains("1 file, 21 B; 0 conflicts (would overwrite); 0 identical (would skip)");
    assertThat(json.at("/targetState").asText()).isEqualTo("missing");
    assertThat(json.at("/files").asLong()).isEqualTo(1);
    assertThat(json.at("/truncated").asBoolean()).isFalse();
    assertThat(target).doesNotExist();
  }

  @Test
  void restore_dryRunIntoChangedFolder_showsBothVersions() throws Exception {
    Path target = tmp.resolve("target");
    bdr("restore", "latest", "--target", target.toString()).requireSuccess();
    Path chart = target.resolve(data.resolve("chart.txt").toString().substring(1));
    Files.writeString(chart, "changed");

    CommandLineRunner.Result r =
        bdr("restore", "latest", "--target", target.toString(), "--dry-run", "--limit", "100");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .containsPattern("overwrite +file +21 .*chart\\.txt  \\(in target: 7 bytes, modified ")
        .contains("1 conflict (would overwrite)")
        .contains("needs the safe restore");
    assertThat(Files.readString(chart)).isEqualTo("changed");
  }

  @Test
  void restore_intoFolderWithFiles_failsSayingWhatIsMissing() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(target.resolve("mine.txt"), "keep");

    CommandLineRunner.Result r = bdr("restore", "latest", "--target", target.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains("already holds files")
        .contains("needs the safe restore (plan, confirmation, safety backup)")
        .contains("restore --dry-run, or dryRun in restore_backup) to see what would change");
  }

  @Test
  void exportConfig_eachFormat_parsesAndHoldsNoPassword() throws Exception {
    String yaml = bdr("export-config").requireSuccess().stdout();
    String json = bdr("export-config", "--format", "json").requireSuccess().stdout();
    String md = bdr("export-config", "--format", "markdown").requireSuccess().stdout();
    String wrapped =
        bdr("export-config", "--format", "markdown", "--json").requireSuccess().stdout();

    JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    assertThat(fromYaml).isEqualTo(JSON.readTree(json));
    assertThat(fromYaml.at("/sources/0/excludes/0").asText()).isEqualTo("*.tmp");
    assertThat(fromYaml.at("/sources/0/label").asText()).isEqualTo("evening");
    assertThat(md).startsWith("# bdr backup configuration").contains("| `*.tmp` |");
    assertThat(JSON.readTree(wrapped).at("/text").asText()).isEqualTo(md);
    for (String out : List.of(yaml, json, md, wrapped)) {
      assertThat(out).doesNotContain(PASSWORD).doesNotContain(tmp.resolve("pw").toString());
    }
  }

  @Test
  void exportConfig_unknownFormat_invalidArgument() throws Exception {
    CommandLineRunner.Result r = bdr("export-config", "--format", "xml", "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(r.stdout()).at("/error/code").asText()).isEqualTo("INVALID_ARGUMENT");
  }
}
