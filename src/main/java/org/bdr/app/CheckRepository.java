package org.bdr.app;

import java.io.IOException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.bdr.check.CheckResult;
import org.bdr.check.Checker;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;

/**
 * Checks a repository's structure and, when asked, its data: of every snapshot, or of one snapshot
 * and only the packs it uses.
 */
public final class CheckRepository {

  /**
   * A finished check.
   *
   * @param repository the repository location
   * @param result what was found; {@link CheckResult#checkedSnapshots()} names the snapshots
   *     walked, {@link CheckResult#packsRead()} and {@link CheckResult#bytesRead()} what was read
   * @param snapshot the full id of the one snapshot checked, or null when all were
   */
  public record Outcome(String repository, CheckResult result, String snapshot) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public CheckRepository(RepositoryOpener opener) {
    this.opener = opener;
  }

  /**
   * Checks every snapshot; see {@link #run(RepositoryOptions, String, boolean, LongConsumer,
   * BooleanSupplier)}.
   */
  public Outcome run(
      RepositoryOptions options, boolean readData, LongConsumer bytes, BooleanSupplier cancelled)
      throws IOException {
    return run(options, null, readData, bytes, cancelled);
  }

  /**
   * Runs the check and records it in the run history.
   *
   * @param snapshotRef a snapshot id, unique prefix or {@code latest}; null or blank checks every
   *     snapshot
   * @param readData also read and verify packs: every pack, or with a snapshot named, only the
   *     packs holding its trees and data
   * @param bytes hears of pack bytes verified
   * @throws org.bdr.error.BdrException BACKUP_NOT_FOUND if no snapshot matches {@code snapshotRef}
   */
  public Outcome run(
      RepositoryOptions options,
      String snapshotRef,
      boolean readData,
      LongConsumer bytes,
      BooleanSupplier cancelled)
      throws IOException {
    return new RunHistory(opener.state())
        .record(
            RunHistory.Entry.CHECK,
            opener.location(options).toString(),
            () -> check(options, snapshotRef, readData, bytes, cancelled),
            RunFacts::of);
  }

  private Outcome check(
      RepositoryOptions options,
      String snapshotRef,
      boolean readData,
      LongConsumer bytes,
      BooleanSupplier cancelled)
      throws IOException {
    Repository repo = opener.open(options, false).repository();
    boolean all = snapshotRef == null || snapshotRef.isBlank();
    Id only = all ? null : repo.findSnapshot(snapshotRef.trim()).getKey();
    try (RepositoryLock lock = RepositoryLock.acquire(repo, true)) {
      CheckResult result =
          new Checker(repo, bytes, cancelled)
              .check(readData, only == null ? Set.of() : Set.of(only));
      return new Outcome(repo.backend().location(), result, only == null ? null : only.hex());
    }
  }
}
