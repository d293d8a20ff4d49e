package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One file in which a backup's PHI scan found identifiers, or one folder whose name holds them:
 * where, how many of each type, and how sure the scanner was. Never the identifiers themselves.
 * Findings in a folder's name are at line 0 of the folder, as {@code bdr scan-phi} reports them.
 *
 * @param path the file's or folder's absolute path, as the snapshot's tree names it (or would have,
 *     when blocked)
 * @param byType findings per identifier type
 * @param highestConfidence the highest confidence among the findings, from 0 to 1
 * @param blocked whether the block policy kept the file, or the folder with everything in it, out
 *     of the snapshot
 * @param folder whether the findings are in a folder's name; false in snapshots written before
 *     backups scanned folder names
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhiFileFacts(
    @JsonProperty("path") String path,
    @JsonProperty("by_type") Map<String, Long> byType,
    @JsonProperty("highest_confidence") double highestConfidence,
    @JsonProperty("blocked") boolean blocked,
    @JsonProperty("folder") boolean folder) {

  /** Checks the values and copies the counts. */
  public PhiFileFacts {
    Objects.requireNonNull(path, "path");
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType == null ? Map.of() : byType));
    if (!(highestConfidence >= 0 && highestConfidence <= 1)) {
      throw new IllegalArgumentException(
          "highest confidence must be within 0..1, was " + highestConfidence);
    }
  }

  /** The number of findings in the file, or in the folder's name. */
  public long findings() {
    return byType.values().stream().mapToLong(Long::longValue).sum();
  }
}
