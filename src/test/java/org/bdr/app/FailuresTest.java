package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.zip.ZipException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void describe_programmingError_showsNoneOfItsMessage() {
    var e =
        Failures.describe(
            new NullPointerException(
                "Cannot invoke \"org.bdr.repo.Tree.nodes()\" because \"tree\" is null"));

    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(e.getMessage() + e.recovery())
        .doesNotContain("org.bdr")
        .doesNotContain("Tree")
        .doesNotContain("null");
  }

  @Test
  void describe_wrappedException_dropsTheClassNameKeepsTheReason() {
    var e = Failures.describe(new IOException(new ZipException("invalid entry size")));

    assertThat(e.getMessage()).isEqualTo("input/output failure: invalid entry size");
  }

  @Test
  void describe_pathWithDots_keepsThePath() {
    var e = Failures.describe(new IOException("cannot read /home/dr.Smith/notes.Final.txt"));

    assertThat(e.getMessage()).contains("/home/dr.Smith/notes.Final.txt");
  }
}
