package org.bdr.backup;

/**
 * A file or folder the backup could not take as it was.
 *
 * @param path where it is
 * @param reason what went wrong, without file contents
 * @param folder whether it is a folder, left out with everything in it
 */
public record SkippedFile(String path, String reason, boolean folder) {

  /** A file the backup could not take as it was. */
  public SkippedFile(String path, String reason) {
    this(path, reason, false);
  }
}
