package org.bdr.backend;

/**
 * How much room the storage holding a repository has.
 *
 * @param free bytes this user may still write
 * @param total the storage's size in bytes
 */
public record Space(long free, long total) {

  /** Checks that the counts are not negative and that free does not exceed total. */
  public Space {
    if (free < 0 || total < 0 || free > total) {
      throw new IllegalArgumentException(
          "storage space must satisfy 0 <= free <= total, got free " + free + ", total " + total);
    }
  }
}
