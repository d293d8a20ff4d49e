package org.bdr.restore;

import java.util.List;

/**
 * What a restore did.
 *
 * @param files files written
 * @param dirs folders created
 * @param symlinks links created
 * @param bytes bytes written
 * @param durationMillis wall time
 * @param failed files that could not be restored, each with the reason
 * @param skipped entries not restored on purpose (special files), each with the reason
 */
public record RestoreResult(
    long files,
    long dirs,
    long symlinks,
    long bytes,
    long durationMillis,
    List<FailedFile> failed,
    List<FailedFile> skipped) {

  /** A file that was not restored, and why. */
  public record FailedFile(String path, String reason) {}

  /** Copies the lists. */
  public RestoreResult {
    failed = List.copyOf(failed);
    skipped = List.copyOf(skipped);
  }
}
