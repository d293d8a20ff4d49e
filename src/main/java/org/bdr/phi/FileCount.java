package org.bdr.phi;

import java.util.Objects;

/**
 * How many findings one file had.
 *
 * @param safePath the file's path with identifier-bearing name parts replaced by their type
 * @param findings the number of findings
 */
public record FileCount(String safePath, long findings) {

  /** Checks the values. */
  public FileCount {
    Objects.requireNonNull(safePath, "safePath");
    if (findings < 0) {
      throw new IllegalArgumentException("findings must be 0 or more, was " + findings);
    }
  }
}
