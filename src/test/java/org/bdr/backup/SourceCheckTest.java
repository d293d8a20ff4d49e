package org.bdr.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that cannot be backed up is refused before anything is read, with the reason. */
class SourceCheckTest {

  @TempDir Path tmp;

  @Test
  void checkSources_nameThatWasNotUtf8_saysSoAndHowToFixIt() {
    // a name whose bytes were not UTF-8 reaches bdr with U+FFFD in their place
    Path source = tmp.resolve("M\uFFFDller, Hans");

    assertThatThrownBy(() -> Archiver.checkSources(List.of(source)))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND);
              assertThat(e.getMessage()).contains("not valid UTF-8");
              assertThat(e.recovery()).contains("rename it");
            });
  }

  @Test
  void checkSources_missingSource_saysItDoesNotExist() {
    Path source = tmp.resolve("no-such-folder");

    assertThatThrownBy(() -> Archiver.checkSources(List.of(source)))
        .isInstanceOf(BdrException.class)
        .hasMessageContaining("does not exist");
  }
}
