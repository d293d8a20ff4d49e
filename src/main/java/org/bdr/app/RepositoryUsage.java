package org.bdr.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.bdr.backend.Backend;
import org.bdr.backend.FileType;

/**
 * How much a repository stores, by adding up the size of each of its files.
 *
 * @param storedBytes every repository file: config, keys, locks, snapshots, index and packs
 * @param packFiles pack files
 * @param packBytes the pack files' bytes
 */
record RepositoryUsage(long storedBytes, long packFiles, long packBytes) {

  /** Measures the repository; a file removed while it is measured counts as gone. */
  static RepositoryUsage of(Backend backend) throws IOException {
    long stored = sizeOrZero(backend, FileType.CONFIG, "config");
    long packs = 0;
    long packBytes = 0;
    for (FileType type : FileType.values()) {
      if (type == FileType.CONFIG) {
        continue;
      }
      for (String name : backend.list(type)) {
        long size = sizeOrZero(backend, type, name);
        stored += size;
        if (type == FileType.PACK) {
          packs++;
          packBytes += size;
        }
      }
    }
    return new RepositoryUsage(stored, packs, packBytes);
  }

  private static long sizeOrZero(Backend backend, FileType type, String name) throws IOException {
    try {
      return backend.size(type, name);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }
}
