package org.bdr.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;

/** Lists a repository's snapshots, oldest first. */
public final class ListSnapshots {

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public ListSnapshots(RepositoryOpener opener) {
    this.opener = opener;
  }

  /**
   * The snapshots that could be read, oldest first, and the snapshot files that could not.
   *
   * @param snapshots the snapshots
   * @param problems one line per unreadable snapshot file
   */
  public record Listing(List<SnapshotInfo> snapshots, List<String> problems) {}

  /** Every readable snapshot, oldest first. */
  public Listing run(RepositoryOptions options) throws IOException {
    Repository repo = opener.open(options, false).repository();
    List<SnapshotInfo> out = new ArrayList<>();
    for (Map.Entry<Id, Snapshot> e : repo.snapshots().entrySet()) {
      out.add(SnapshotInfo.of(e.getKey(), e.getValue()));
    }
    out.sort(
        Comparator.comparing((SnapshotInfo s) -> java.time.OffsetDateTime.parse(s.time()))
            .thenComparing(SnapshotInfo::id));
    return new Listing(out, repo.snapshotProblems());
  }
}
