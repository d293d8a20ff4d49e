package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A snapshot as restic stores it, plus bdr's own facts in the {@code bdr} field, which restic
 * ignores.
 *
 * @param time when the backup started
 * @param parent the snapshot this one was compared against, may be null
 * @param tree the root tree
 * @param paths the backed-up sources, absolute
 * @param hostname the machine
 * @param username who ran it
 * @param uid their numeric id
 * @param gid their group id
 * @param excludes the exclude patterns used
 * @param tags restic tags
 * @param programVersion the writing program
 * @param bdr bdr's facts, may be null for snapshots restic wrote
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Snapshot(
    @JsonProperty("time") String time,
    @JsonProperty("parent") String parent,
    @JsonProperty("tree") String tree,
    @JsonProperty("paths") List<String> paths,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("username") String username,
    @JsonProperty("uid") long uid,
    @JsonProperty("gid") long gid,
    @JsonProperty("excludes") List<String> excludes,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("program_version") String programVersion,
    @JsonProperty("bdr") SnapshotFacts bdr) {

  /** Checks the fields restic requires. */
  public Snapshot {
    if (time == null || tree == null) {
      throw new IllegalArgumentException("snapshot lacks its time or tree");
    }
    paths = paths == null ? List.of() : List.copyOf(paths);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The start time parsed. */
  public OffsetDateTime startTime() {
    return OffsetDateTime.parse(time);
  }

  /** The root tree id. */
  public Id treeId() {
    return Id.parse(tree);
  }
}
