package org.bdr.phi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scanning one file. Its findings, and everything a {@link ScanReport} holds, name
 * the file by its safe path, because file names often hold a patient's name; only {@link #path()}
 * keeps the caller's own name, so the caller can tell which file it was. {@link #toString()} shows
 * the safe path only.
 *
 * @param path the file as the caller named it; may itself hold PHI, so do not log it
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

  /** Shows the safe path, the status, the reason and the number of findings. */
  @Override
  public String toString() {
    return "FileResult[safePath="
        + safePath
        + ", status="
        + status
        + ", reason="
        + reason
        + ", findings="
        + findings.size()
        + "]";
  }
}
