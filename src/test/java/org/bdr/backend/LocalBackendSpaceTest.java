package org.bdr.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local folder reports the space of the disk it is on. */
class LocalBackendSpaceTest {

  @TempDir Path tmp;

  @Test
  void space_existingFolder_totalOfItsFileStore() throws Exception {
    FileStore store = Files.getFileStore(tmp);

    Space space = new LocalBackend(tmp).space().orElseThrow();

    assertThat(space.total()).isEqualTo(store.getTotalSpace());
    assertThat(space.free()).isBetween(0L, space.total());
  }

  @Test
  void space_folderNotCreatedYet_spaceOfTheNearestParent() throws Exception {
    Space space = new LocalBackend(tmp.resolve("not/yet/there")).space().orElseThrow();

    assertThat(space.total()).isEqualTo(Files.getFileStore(tmp).getTotalSpace());
  }

  @Test
  void space_freeAboveTotal_isRefused() {
    assertThatThrownBy(() -> new Space(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("storage space must satisfy 0 <= free <= total, got free 2, total 1");
  }
}
