package org.bdr.app;

import java.nio.file.Path;
import java.util.List;

/** Source paths as snapshots record them: absolute and normalised. */
final class SnapshotSources {

  private SnapshotSources() {}

  static List<String> absolute(List<String> paths) {
    return paths == null
        ? List.of()
        : paths.stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList();
  }
}
