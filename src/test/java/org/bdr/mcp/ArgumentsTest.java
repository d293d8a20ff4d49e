package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", " ", "/data/a\u0000Quornwhistle"})
  void paths_blankOrWithNul_isInvalidArgumentNamingTheFieldNotTheValue(String path) {
    Arguments args = new Arguments(Map.of("sources", List.of("/data", path)));

    assertThatThrownBy(() -> args.paths("sources"))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("'sources'").doesNotContain("Quornwhistle");
            });
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "/restore/a\u0000b"})
  void requiredPath_blankOrWithNul_isInvalidArgument(String path) {
    Arguments args = new Arguments(Map.of("destination", path));

    assertThatThrownBy(() -> args.requiredPath("destination"))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> assertThat(e.getMessage()).contains("'destination'").doesNotContain("\u0000"));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"/data", "/data/Patient files"})
  void paths_absolutePaths_areReturned(String path) {
    assertThat(new Arguments(Map.of("paths", List.of(path))).paths("paths"))
        .containsExactly(Path.of(path));
  }
}
