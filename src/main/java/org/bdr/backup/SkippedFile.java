package org.bdr.backup;

/**
 * A file the backup could not take as it was.
 *
 * @param path where it is
 * @param reason what went wrong, without file contents
 */
public record SkippedFile(String path, String reason) {}
