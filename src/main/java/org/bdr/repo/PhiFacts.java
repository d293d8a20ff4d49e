package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the PHI scan of a backup found, stored with the snapshot (which the repository encrypts):
 * counts and places, never matched text or hints.
 *
 * @param policy report, tag or block
 * @param sensitivity low, medium or high
 * @param files how many files had findings, blocked ones included
 * @param folders how many folders had findings in their names, blocked ones included; 0 in
 *     snapshots written before backups scanned folder names
 * @param findings how many findings they and the folder names had in all
 * @param byType findings per identifier type, largest first
 * @param blocked how many files and folders the block policy kept out of the snapshot (a folder
 *     counts once, whatever it holds)
 * @param notScanned how many files were stored but could not be scanned (malformed documents)
 * @param tagged whether the snapshot carries the tag {@value #TAG}
 * @param entries one entry per file with findings and per folder whose name had findings, by path
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhiFacts(
    @JsonProperty("policy") String policy,
    @JsonProperty("sensitivity") String sensitivity,
    @JsonProperty("files") long files,
    @JsonProperty("folders") long folders,
    @JsonProperty("findings") long findings,
    @JsonProperty("by_type") Map<String, Long> byType,
    @JsonProperty("blocked") long blocked,
    @JsonProperty("not_scanned") long notScanned,
    @JsonProperty("tagged") boolean tagged,
    @JsonProperty("entries") List<PhiFileFacts> entries) {

  /** The restic tag of a snapshot that holds PHI. */
  public static final String TAG = "phi";

  /** Checks the values and copies the collections. */
  public PhiFacts {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(sensitivity, "sensitivity");
    if (files < 0 || findings < 0 || blocked < 0 || notScanned < 0 || folders < 0) {
      throw new IllegalArgumentException("PHI facts hold a negative count");
    }
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType == null ? Map.of() : byType));
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
