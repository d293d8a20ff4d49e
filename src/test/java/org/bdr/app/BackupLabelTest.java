package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bdr.backup.BackupType;
import org.bdr.error.BdrException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupLabelTest {

  private static CreateBackup.Request request(String label) {
    return new CreateBackup.Request(
        new RepositoryOptions(null, null, null),
        List.of(Path.of("/srv")),
        List.of(),
        BackupType.INCREMENTAL,
        label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"before upgrade", "nightly 2026-12-04", ""})
  void request_shortLabel_accepted(String label) {
    assertThatCode(() -> request(label)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"line one\nline two", "tab\there", "\u001b[2Jcleared"})
  void request_labelWithControlCharacters_refused(String label) {
    assertThatThrownBy(() -> request(label))
        .isInstanceOf(BdrException.class)
        .hasMessageContaining("control characters");
  }

  @org.junit.jupiter.api.Test
  void request_labelOverTheLimit_refusedWithItsLength() {
    assertThatThrownBy(() -> request("x".repeat(201)))
        .isInstanceOf(BdrException.class)
        .hasMessageContaining("201 characters long; at most 200");
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"Maria Garcia chart", "SSN 536-22-8841", "MRN 12345678"})
  void run_labelWithPatientIdentifiers_refusedWithoutRepeatingIt(String label) throws Exception {
    java.nio.file.Path data = java.nio.file.Files.createDirectories(tmp.resolve("data"));
    var opener =
        new RepositoryOpener(
            java.util.Map.of("BDR_HOME", tmp.resolve("home").toString(), "BDR_KEYCHAIN", "off"));
    var request =
        new CreateBackup.Request(
            new RepositoryOptions(null, null, null),
            List.of(data),
            List.of(),
            BackupType.INCREMENTAL,
            label);

    assertThatThrownBy(
            () ->
                new CreateBackup(opener)
                    .run(request, org.bdr.backup.BackupProgress.NONE, () -> false))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.code())
                  .isEqualTo(org.bdr.error.ErrorCode.PHI_DETECTED);
              org.assertj.core.api.Assertions.assertThat(e.getMessage() + e.recovery())
                  .doesNotContain(label);
            });
    org.assertj.core.api.Assertions.assertThat(tmp.resolve("home/repository")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nightly 2026-12-04", "before upgrade", "backup of 10.0.0.5"})
  void run_labelWithoutPatientIdentifiers_backsUp(String label) throws Exception {
    java.nio.file.Path data = java.nio.file.Files.createDirectories(tmp.resolve("data"));
    java.nio.file.Files.writeString(data.resolve("a.txt"), "hello");
    var opener =
        new RepositoryOpener(
            java.util.Map.of("BDR_HOME", tmp.resolve("home").toString(), "BDR_KEYCHAIN", "off"));

    var outcome =
        new CreateBackup(opener)
            .run(
                new CreateBackup.Request(
                    new RepositoryOptions(null, null, null),
                    List.of(data),
                    List.of(),
                    BackupType.INCREMENTAL,
                    label),
                org.bdr.backup.BackupProgress.NONE,
                () -> false);

    org.assertj.core.api.Assertions.assertThat(outcome.result().files()).isEqualTo(1);
  }
}
