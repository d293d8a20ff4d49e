package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One file in which a backup's PHI scan found identifiers: where, how many of each type, and how
 * sure the scanner was. Never the identifiers themselves.
 *
 * @param path the file's absolute path, as the snapshot's tree names it
 * @param byType findings per identifier type
 * @param highestConfidence the highest confidence among the file's findings, from 0 to 1
 * @param blocked whether the block policy kept the file out of the snapshot
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhiFileFacts(
    @JsonProperty("path") String path,
    @JsonProperty("by_type") Map<String, Long> byType,
    @JsonProperty("highest_confidence") double highestConfidence,
    @JsonProperty("blocked") boolean blocked) {

  /** Checks the values and copies the counts. */
  public PhiFileFacts {
    Objects.requireNonNull(path, "path");
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType == null ? Map.of() : byType));
    if (!(highestConfidence >= 0 && highestConfidence <= 1)) {
      throw new IllegalArgumentException(
          "highest confidence must be within 0..1, was " + highestConfidence);
    }
  }

  /** The number of findings in the file. */
  public long findings() {
    return byType.values().stream().mapToLong(Long::longValue).sum();
  }
}
