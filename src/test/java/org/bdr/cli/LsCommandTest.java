package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LsCommandTest {

  @Test
  void modeText_asLsShowsIt() {
    assertThat(LsCommand.modeText("dir", 0750)).isEqualTo("drwxr-x---");
    assertThat(LsCommand.modeText("file", 04755)).isEqualTo("-rwsr-xr-x");
    assertThat(LsCommand.modeText("dir", 02770)).isEqualTo("drwxrws---");
    assertThat(LsCommand.modeText("dir", 01777)).isEqualTo("drwxrwxrwt");
    assertThat(LsCommand.modeText("file", 01644)).isEqualTo("-rw-r--r-T");
    assertThat(LsCommand.modeText("symlink", 0777)).isEqualTo("lrwxrwxrwx");
    assertThat(LsCommand.modeText("file", 0)).isEqualTo("----------");
  }
}
