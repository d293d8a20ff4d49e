package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ArgumentsPathTest {

  @Test
  void paths_relative_refusedNamingTheField() {
    Arguments args = new Arguments(Map.of("sources", List.of("/srv/records", "charts")));

    assertThatThrownBy(() -> args.paths("sources"))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("'sources'").contains("absolute");
              assertThat(e.getMessage()).doesNotContain("charts");
            });
  }

  @Test
  void requiredPath_absolute_returned() {
    Arguments args = new Arguments(Map.of("destination", "/srv/restored"));

    assertThat(args.requiredPath("destination")).isEqualTo(Path.of("/srv/restored"));
  }

  @Test
  void requiredPath_relative_refused() {
    Arguments args = new Arguments(Map.of("destination", "restored"));

    assertThatThrownBy(() -> args.requiredPath("destination"))
        .isInstanceOf(BdrException.class)
        .hasMessageContaining("'destination' must hold absolute paths");
  }
}
