package org.bdr.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What to back up and how.
 *
 * @param sources files and folders, absolute
 * @param excludes glob patterns; one without a slash matches any name, one with a slash the whole
 *     path
 * @param type incremental or full
 * @param label a person's label, may be null
 * @param hostname the host recorded in the snapshot
 * @param phi how to scan for PHI while reading; null for no scan
 */
public record BackupRequest(
    List<Path> sources,
    List<String> excludes,
    BackupType type,
    String label,
    String hostname,
    PhiCheck phi) {

  /** A backup that does not scan for PHI. */
  public BackupRequest(
      List<Path> sources, List<String> excludes, BackupType type, String label, String hostname) {
    this(sources, excludes, type, label, hostname, null);
  }

  /** Validates and copies the lists. */
  public BackupRequest {
    if (sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("a backup needs at least one source path");
    }
    sources = sources.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    if (type == null) {
      type = BackupType.INCREMENTAL;
    }
  }
}
