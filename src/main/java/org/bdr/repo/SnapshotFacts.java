package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What bdr records about a snapshot beyond restic's fields.
 *
 * @param label a person's label for the backup, may be null
 * @param backupType incremental or full
 * @param files how many files the snapshot holds
 * @param bytes their total size
 * @param partial whether some files could not be read
 * @param unreadable how many files could not be read
 * @param durationMillis how long the backup took
 * @param phi what the PHI scan found; null when the backup did not scan
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotFacts(
    @JsonProperty("label") String label,
    @JsonProperty("type") String backupType,
    @JsonProperty("files") long files,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("partial") boolean partial,
    @JsonProperty("unreadable") long unreadable,
    @JsonProperty("duration_ms") long durationMillis,
    @JsonProperty("phi") PhiFacts phi) {

  /** Checks that counts are not negative. */
  public SnapshotFacts {
    if (files < 0 || bytes < 0 || unreadable < 0) {
      throw new IllegalArgumentException("snapshot facts hold a negative count");
    }
  }

  /** Facts of a backup that did not scan for PHI. */
  public SnapshotFacts(
      String label,
      String backupType,
      long files,
      long bytes,
      boolean partial,
      long unreadable,
      long durationMillis) {
    this(label, backupType, files, bytes, partial, unreadable, durationMillis, null);
  }
}
