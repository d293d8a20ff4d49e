package org.bdr.phi;

import java.util.Objects;

/**
 * A file that could not be scanned.
 *
 * @param path the file's safe path
 * @param reason what went wrong; never quotes file content
 */
public record ScanError(String path, String reason) {

  /** Checks that both values are given. */
  public ScanError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
