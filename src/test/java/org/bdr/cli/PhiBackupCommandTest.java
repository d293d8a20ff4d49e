package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bdr backup --phi-scan} under each policy, end to end through the command line. */
class PhiBackupCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SSN = "536-22-8191";

  @TempDir Path tmp;

  private FolderRepository repo;
  Path source;

  @BeforeEach
  void practice() throws Exception {
    repo = new FolderRepository(tmp, "password");
    source = Files.createDirectories(tmp.resolve("practice"));
    Files.writeString(source.resolve("intake.txt"), "Patient SSN: " + SSN + "\n");
    Files.writeString(source.resolve("menu.txt"), "soup of the day\nbread and butter\n");
    Path pw = tmp.resolve("password");
    Files.writeString(pw, "a long test password\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    repo.bdr("init").requireSuccess();
  }

  @Test
  void backup_withoutPhiScan_storesNoPhiFacts() throws Exception {
    JsonNode out = JSON.readTree(repo.bdr("backup", source.toString(), "--json").stdout());

    assertThat(out.path("result").path("phi").isNull()).isTrue();
    assertThat(repo.snapshots().get(0).path("phi").isNull()).isTrue();
  }

  @Test
  void backup_reportPolicy_storesSummaryAndEveryFile() throws Exception {
    CommandLineRunner.Result r = repo.bdr("backup", source.toString(), "--phi-scan", "--json");

    assertThat(r.exitCode()).isZero();
    JsonNode phi = JSON.readTree(r.stdout()).path("result").path("phi");
    assertThat(phi.path("policy").asText()).isEqualTo("report");
    assertThat(phi.path("sensitivity").asText()).isEqualTo("medium");
    assertThat(phi.path("files").asLong()).isEqualTo(1);
    assertThat(phi.path("by_type").path("SSN").asLong()).isEqualTo(1);
    JsonNode entry = phi.path("entries").get(0);
    assertThat(entry.path("path").asText()).isEqualTo(source.resolve("intake.txt").toString());
    assertThat(entry.path("highest_confidence").asDouble()).isGreaterThan(0.5);
    JsonNode listed = repo.snapshots().get(0);
    assertThat(listed.path("tags")).isEmpty();
    assertThat(listed.path("phi").path("files").asLong()).isEqualTo(1);
    assertThat(listed.path("phi").path("byType").path("SSN").asLong()).isEqualTo(1);
    assertThat(repo.latestListing()).contains("intake.txt", "menu.txt");
    assertThat(r.stdout()).doesNotContain(SSN);
  }

  @Test
  void backup_reportPolicyText_showsCountsByTypeAndFiles() {
    CommandLineRunner.Result r = repo.bdr("backup", source.toString(), "--phi-scan");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .contains("PHI scan (medium sensitivity, policy report): 1 finding in 1 file")
        .contains("by type: SSN 1")
        .doesNotContain("intake.txt")
        .doesNotContain(SSN);
  }

  @Test
  void backup_tagPolicy_tagsSnapshotWithFindings() throws Exception {
    CommandLineRunner.Result r =
        repo.bdr("backup", source.toString(), "--phi-policy", "tag", "--phi-sensitivity", "low");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("policy tag").contains("snapshot tagged 'phi'");
    JsonNode listed = repo.snapshots().get(0);
    assertThat(listed.path("tags").toString()).isEqualTo("[\"phi\"]");
    assertThat(listed.path("phi").path("tagged").asBoolean()).isTrue();
    assertThat(listed.path("phi").path("sensitivity").asText()).isEqualTo("low");
    assertThat(repo.bdr("snapshots").stdout()).contains("1 file, tagged");
  }

  @Test
  void backup_tagPolicyWithoutFindings_noTag() throws Exception {
    Files.delete(source.resolve("intake.txt"));

    repo.bdr("backup", source.toString(), "--phi-scan", "--phi-policy", "tag").requireSuccess();

    JsonNode listed = repo.snapshots().get(0);
    assertThat(listed.path("tags")).isEmpty();
    assertThat(listed.path("phi").path("files").asLong()).isZero();
  }

  @Test
  void backup_blockPolicy_leavesFileOutListsItAndExitsThree() throws Exception {
    CommandLineRunner.Result text =
        repo.bdr("backup", source.toString(), "--phi-scan", "--phi-policy", "block");

    assertThat(text.exitCode()).isEqualTo(3);
    assertThat(text.stdout())
        .contains("blocked, not backed up: 1 file")
        .contains("  " + source.resolve("intake.txt") + ": holds PHI (SSN); not backed up")
        .doesNotContain(SSN);
    assertThat(repo.latestListing()).contains("menu.txt").doesNotContain("intake.txt");
    JsonNode listed = repo.snapshots().get(0);
    assertThat(listed.path("partial").asBoolean()).isTrue();
    assertThat(listed.path("phi").path("blocked").asLong()).isEqualTo(1);
    assertThat(listed.path("files").asLong()).isEqualTo(1);
  }

  @Test
  void backup_blockPolicyJson_listsBlockedFilesByPath() throws Exception {
    CommandLineRunner.Result r =
        repo.bdr("backup", source.toString(), "--phi-policy", "block", "--json");

    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode result = JSON.readTree(r.stdout()).path("result");
    assertThat(result.path("blocked").get(0).path("path").asText())
        .isEqualTo(source.resolve("intake.txt").toString());
    assertThat(result.path("phi").path("entries").get(0).path("blocked").asBoolean()).isTrue();
    assertThat(result.path("filesNew").asLong()).isEqualTo(1);
  }

  @Test
  void backup_blockPolicyUnscannableDocument_leftOutWithReason() throws Exception {
    Files.write(source.resolve("letter.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 9, 9, 9});

    CommandLineRunner.Result block =
        repo.bdr("backup", source.toString(), "--phi-policy", "block", "--type", "full");
    CommandLineRunner.Result report = repo.bdr("backup", source.toString(), "--phi-scan");

    assertThat(block.stdout()).contains("letter.docx: could not be scanned for PHI");
    assertThat(report.exitCode()).isZero();
    assertThat(report.stdout())
        .contains("stored but not scanned for PHI: 1 file")
        .contains("letter.docx: could not read the file as DOCX");
  }

  @Test
  void backup_incrementalAfterScan_keepsEntriesOfUnchangedFiles() throws Exception {
    repo.bdr("backup", source.toString(), "--phi-scan").requireSuccess();

    JsonNode second =
        JSON.readTree(repo.bdr("backup", source.toString(), "--phi-scan", "--json").stdout());

    assertThat(second.path("result").path("filesUnchanged").asLong()).isEqualTo(2);
    assertThat(second.path("result").path("phi").path("files").asLong()).isEqualTo(1);
  }

  @Test
  void backup_incrementalAfterReport_blockReadsEveryFileAgain() throws Exception {
    repo.bdr("backup", source.toString(), "--phi-scan").requireSuccess();

    CommandLineRunner.Result r =
        repo.bdr("backup", source.toString(), "--phi-policy", "block", "--json");

    JsonNode result = JSON.readTree(r.stdout()).path("result");
    assertThat(result.path("filesUnchanged").asLong()).isZero();
    assertThat(result.path("blocked")).hasSize(1);
  }

  @Test
  void backup_unknownPolicy_failsNamingIt() {
    CommandLineRunner.Result r = repo.bdr("backup", source.toString(), "--phi-policy", "shred");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("unknown PHI policy 'shred'");
  }
}
