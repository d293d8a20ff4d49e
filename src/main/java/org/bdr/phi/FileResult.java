package org.bdr.phi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scanning one file.
 *
 * @param path the file as the caller named it
 * @param safePath the same path with every name part that holds an identifier replaced by its type
 *     in brackets, such as {@code [NAME]_[NAME]_1234.json}; safe to log
 * @param status whether the file was scanned, skipped or failed
 * @param reason why the file was skipped or failed, or a note on how it was read (for example
 *     invalid UTF-8 read as Latin-1); null when there is nothing to say. Never quotes the file.
 * @param findings what was found, in file order
 */
public record FileResult(
    String path, String safePath, ScanStatus status, String reason, List<Finding> findings) {

  /** Checks the values and copies the findings. */
  public FileResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(safePath, "safePath");
    Objects.requireNonNull(status, "status");
    findings = List.copyOf(findings);
    if (status == ScanStatus.ERROR && reason == null) {
      throw new IllegalArgumentException("an ERROR result needs a reason");
    }
  }
}
