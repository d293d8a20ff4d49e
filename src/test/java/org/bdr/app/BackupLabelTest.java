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
        .hasMessageContaining("without control characters");
  }

  @org.junit.jupiter.api.Test
  void request_labelOverTheLimit_refusedWithItsLength() {
    assertThatThrownBy(() -> request("x".repeat(201)))
        .isInstanceOf(BdrException.class)
        .hasMessageContaining("at most 200")
        .hasMessageContaining("it has 201");
  }
}
