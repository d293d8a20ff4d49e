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

/**
 * {@code bdr backup --phi-scan} scans the names of the folders it walks, as {@code scan-phi} does:
 * a folder named after a patient, holding a clean file, under each policy, end to end through the
 * command line.
 */
class PhiBackupFolderNamesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A patient-export folder name: the scanner finds a NAME and a DATE in it. */
  private static final String PATIENT_FOLDER = "Wilhelmina_Thistlewood_19840312";

  @TempDir Path tmp;

  private FolderRepository repo;
  Path source;
  Path patient;

  @BeforeEach
  void practice() throws Exception {
    repo = new FolderRepository(tmp, "password");
    source = Files.createDirectories(tmp.resolve("practice"));
    patient = Files.createDirectories(source.resolve(PATIENT_FOLDER));
    Files.writeString(patient.resolve("visit.txt"), "soup of the day\n");
    Files.writeString(source.resolve("menu.txt"), "bread and butter\n");
    Path pw = tmp.resolve("password");
    Files.writeString(pw, "a long test password\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    repo.bdr("init").requireSuccess();
  }

  @Test
  void backup_reportPolicy_folderNameFindingsStoredAndItsFilesBackedUp() throws Exception {
    CommandLineRunner.Result r = repo.bdr("backup", source.toString(), "--phi-scan", "--json");

    assertThat(r.exitCode()).isZero();
    JsonNode result = JSON.readTree(r.stdout()).path("result");
    JsonNode phi = result.path("phi");
    assertThat(phi.path("files").asLong()).isZero();
    assertThat(phi.path("folders").asLong()).isEqualTo(1);
    assertThat(phi.path("findings").asLong()).isEqualTo(2);
    assertThat(phi.path("by_type").toString()).isEqualTo("{\"DATE\":1,\"NAME\":1}");
    assertThat(phi.path("entries")).hasSize(1);
    JsonNode entry = phi.path("entries").get(0);
    assertThat(entry.path("path").asText()).isEqualTo(patient.toString());
    assertThat(entry.path("folder").asBoolean()).isTrue();
    assertThat(entry.path("blocked").asBoolean()).isFalse();
    // the birth date right after the name (0.7) outranks the export name shape (0.6)
    assertThat(entry.path("highest_confidence").asDouble()).isEqualTo(0.7);
    assertThat(result.path("blocked")).isEmpty();
    assertThat(result.path("filesNew").asLong()).isEqualTo(2);
    assertThat(repo.latestListing()).contains(PATIENT_FOLDER + "/visit.txt", "menu.txt");
    JsonNode stored = repo.snapshots().get(0).path("phi");
    assertThat(stored.path("folders").asLong()).isEqualTo(1);
    assertThat(stored.path("findings").asLong()).isEqualTo(2);
  }

  @Test
  void backup_reportPolicyText_countsFolderNamesApartFromFiles() throws Exception {
    Files.writeString(source.resolve("intake.txt"), "Patient SSN: 536-22-8191\n");

    CommandLineRunner.Result r = repo.bdr("backup", source.toString(), "--phi-scan");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .contains("PHI scan (medium sensitivity, policy report): 3 findings in 1 file and 1 folder")
        .contains("by type: DATE 1, NAME 1, SSN 1")
        .doesNotContain(PATIENT_FOLDER)
        .doesNotContain("blocked");
  }

  @Test
  void backup_tagPolicy_folderNameAloneTagsSnapshot() throws Exception {
    CommandLineRunner.Result r = repo.bdr("backup", source.toString(), "--phi-policy", "tag");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .contains("2 findings in 1 folder name; snapshot tagged 'phi'")
        .doesNotContain("0 files");
    JsonNode listed = repo.snapshots().get(0);
    assertThat(listed.path("tags").toString()).isEqualTo("[\"phi\"]");
    assertThat(listed.path("phi").path("tagged").asBoolean()).isTrue();
    assertThat(listed.path("phi").path("folders").asLong()).isEqualTo(1);
    assertThat(repo.bdr("snapshots").stdout()).contains("1 folder, tagged");
  }

  @Test
  void backup_blockPolicy_leavesFolderAndEverythingInItOutAndExitsThree() throws Exception {
    Files.writeString(source.resolve("intake.txt"), "Patient SSN: 536-22-8191\n");

    CommandLineRunner.Result text =
        repo.bdr("backup", source.toString(), "--phi-scan", "--phi-policy", "block");

    assertThat(text.exitCode()).isEqualTo(3);
    assertThat(text.stdout())
        .contains("blocked, not backed up: 1 file and 1 folder")
        .contains(
            "  "
                + patient
                + ": its name holds PHI (DATE, NAME); not backed up, nor anything in it (rename"
                + " the folder to back it up)")
        .contains("  " + source.resolve("intake.txt") + ": holds PHI (SSN); not backed up")
        .contains("files: 1 new, 0 changed, 0 unchanged; 1 folder");
    assertThat(repo.latestListing())
        .contains("menu.txt")
        .doesNotContain(PATIENT_FOLDER, "visit.txt");
    JsonNode listed = repo.snapshots().get(0);
    assertThat(listed.path("partial").asBoolean()).isTrue();
    assertThat(listed.path("files").asLong()).isEqualTo(1);
    assertThat(listed.path("phi").path("blocked").asLong()).isEqualTo(2);
    assertThat(repo.bdr("snapshots").stdout()).contains("1 file and 1 folder, 2 blocked");
  }

  @Test
  void backup_blockPolicyJson_listsBlockedFolderByPathMarkedAsFolder() throws Exception {
    CommandLineRunner.Result r =
        repo.bdr("backup", source.toString(), "--phi-policy", "block", "--json");

    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode result = JSON.readTree(r.stdout()).path("result");
    assertThat(result.path("blocked")).hasSize(1);
    JsonNode blocked = result.path("blocked").get(0);
    assertThat(blocked.path("path").asText()).isEqualTo(patient.toString());
    assertThat(blocked.path("folder").asBoolean()).isTrue();
    assertThat(blocked.path("reason").asText()).startsWith("its name holds PHI (DATE, NAME)");
    JsonNode entry = result.path("phi").path("entries").get(0);
    assertThat(entry.path("blocked").asBoolean()).isTrue();
    assertThat(entry.path("folder").asBoolean()).isTrue();
    assertThat(result.path("filesNew").asLong()).isEqualTo(1);
    assertThat(result.path("dirs").asLong()).isEqualTo(1);
  }

  @Test
  void backup_blockPolicySourceFolderNamedAfterPatient_sourceLeftOutOthersBackedUp()
      throws Exception {
    Path other = Files.createDirectories(tmp.resolve("letters"));
    Files.writeString(other.resolve("letter.txt"), "dear colleague\n");

    CommandLineRunner.Result r =
        repo.bdr("backup", patient.toString(), other.toString(), "--phi-policy", "block", "--json");

    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode result = JSON.readTree(r.stdout()).path("result");
    assertThat(result.path("blocked").get(0).path("path").asText()).isEqualTo(patient.toString());
    assertThat(result.path("phi").path("folders").asLong()).isEqualTo(1);
    assertThat(repo.latestListing())
        .contains("letter.txt")
        .doesNotContain(PATIENT_FOLDER, "visit.txt");
    assertThat(repo.snapshots().get(0).path("paths").toString())
        .doesNotContain("Wilhelmina", "Thistlewood", "19840312")
        .contains(source.resolve("[NAME]").toString(), other.toString());
  }

  @Test
  void backup_blockPolicySourceFileNamedAfterPatient_snapshotRecordsItsSafePath() throws Exception {
    Path file = Files.writeString(source.resolve("Wilhelmina_Thistlewood_884422.txt"), "ok\n");

    CommandLineRunner.Result r = repo.bdr("backup", file.toString(), "--phi-policy", "block");

    assertThat(r.exitCode()).isEqualTo(3);
    String paths = repo.snapshots().get(0).path("paths").toString();
    assertThat(paths).doesNotContain("Wilhelmina", "Thistlewood").contains("[NAME]");
  }

  @Test
  void backup_symbolicLinkToPatientFolder_reportedUnderReportLeftOutUnderBlock() throws Exception {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    Files.writeString(letters.resolve("letter.txt"), "dear colleague\n");
    Files.createSymbolicLink(letters.resolve("current"), patient);

    JsonNode report =
        JSON.readTree(
                repo.bdr("backup", letters.toString(), "--phi-scan", "--json")
                    .requireSuccess()
                    .stdout())
            .path("result");
    CommandLineRunner.Result block =
        repo.bdr("backup", letters.toString(), "--phi-policy", "block", "--json");

    assertThat(report.at("/phi/entries/0/path").asText())
        .isEqualTo(letters.resolve("current").toString());
    assertThat(block.exitCode()).isEqualTo(3);
    JsonNode blocked = JSON.readTree(block.stdout()).path("result").path("blocked");
    assertThat(blocked.get(0).path("path").asText())
        .isEqualTo(letters.resolve("current").toString());
    assertThat(repo.latestListing()).contains("letter.txt").doesNotContain("current");
  }

  @Test
  void backup_reportPolicySourceFolderNamedAfterPatient_reportedAndBackedUp() throws Exception {
    CommandLineRunner.Result r = repo.bdr("backup", patient.toString(), "--phi-scan", "--json");

    assertThat(r.exitCode()).isZero();
    JsonNode entry = JSON.readTree(r.stdout()).at("/result/phi/entries/0");
    assertThat(entry.path("path").asText()).isEqualTo(patient.toString());
    assertThat(entry.path("folder").asBoolean()).isTrue();
    assertThat(repo.latestListing()).contains("visit.txt");
  }

  @Test
  void backup_incremental_unchangedFolderNameReportedAgainAndFilesReused() throws Exception {
    repo.bdr("backup", source.toString(), "--phi-scan").requireSuccess();

    JsonNode second =
        JSON.readTree(repo.bdr("backup", source.toString(), "--phi-scan", "--json").stdout());

    JsonNode result = second.path("result");
    assertThat(result.path("filesUnchanged").asLong()).isEqualTo(2);
    assertThat(result.path("phi").path("folders").asLong()).isEqualTo(1);
    assertThat(result.path("phi").path("entries").get(0).path("path").asText())
        .isEqualTo(patient.toString());
  }

  @Test
  void backup_incrementalBlock_folderStaysOutWhileOtherFilesAreReused() throws Exception {
    repo.bdr("backup", source.toString(), "--phi-policy", "block");

    CommandLineRunner.Result r =
        repo.bdr("backup", source.toString(), "--phi-policy", "block", "--json");

    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode result = JSON.readTree(r.stdout()).path("result");
    assertThat(result.path("filesUnchanged").asLong()).isEqualTo(1);
    assertThat(result.path("blocked").get(0).path("path").asText()).isEqualTo(patient.toString());
    assertThat(repo.latestListing()).doesNotContain(PATIENT_FOLDER);
  }

  @Test
  void backup_withoutPhiScan_folderNamesNotScanned() throws Exception {
    JsonNode out = JSON.readTree(repo.bdr("backup", source.toString(), "--json").stdout());

    assertThat(out.path("result").path("phi").isNull()).isTrue();
    assertThat(repo.latestListing()).contains(PATIENT_FOLDER + "/visit.txt");
  }
}
