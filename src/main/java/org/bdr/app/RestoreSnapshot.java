package org.bdr.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;
import org.bdr.restore.RestoreRequest;
import org.bdr.restore.RestoreResult;
import org.bdr.restore.Restorer;

/** Restores a snapshot, or the files of it matching patterns, into an empty folder. */
public final class RestoreSnapshot {

  /**
   * A finished restore.
   *
   * @param snapshot the restored snapshot's id
   * @param target where it was restored
   * @param result what was written
   */
  public record Outcome(String snapshot, String target, RestoreResult result) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public RestoreSnapshot(RepositoryOpener opener) {
    this.opener = opener;
  }

  /**
   * Runs the restore and records it in the run history.
   *
   * @param sources for {@code latest}: paths the snapshot must have backed up; may be empty
   */
  public Outcome run(
      RepositoryOptions options,
      String ref,
      List<String> sources,
      Path target,
      List<String> includes,
      LongConsumer bytes,
      BooleanSupplier cancelled)
      throws IOException {
    return new RunHistory(opener.state())
        .record(
            RunHistory.Entry.RESTORE,
            opener.location(options).toString(),
            () -> restore(options, ref, sources, target, includes, bytes, cancelled),
            RunFacts::of);
  }

  private Outcome restore(
      RepositoryOptions options,
      String ref,
      List<String> sources,
      Path target,
      List<String> includes,
      LongConsumer bytes,
      BooleanSupplier cancelled)
      throws IOException {
    Restorer.checkTarget(target.toAbsolutePath().normalize());
    Repository repo = opener.open(options, false).repository();
    var snap = repo.findSnapshot(ref, SnapshotSources.absolute(sources));
    try (RepositoryLock lock = RepositoryLock.acquire(repo, false)) {
      RestoreResult result =
          new Restorer(repo, bytes, cancelled)
              .restore(new RestoreRequest(snap.getKey(), target, includes));
      return new Outcome(
          snap.getKey().hex(), target.toAbsolutePath().normalize().toString(), result);
    }
  }
}
