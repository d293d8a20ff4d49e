package org.bdr.app;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bdr.backend.FileType;
import org.bdr.backend.Leftover;
import org.bdr.repo.RepositoryLock;

/**
 * Removes what processes that died left behind: locks older than 30 minutes or of a dead PID, and,
 * while no lock at all is held, temporary files of interrupted writes that are over an hour old.
 * Younger temporary files may belong to a write still under way, so they are only counted.
 */
public final class UnlockRepository {

  /** How old a temporary file must be before it counts as left by a process that died. */
  static final Duration LEFTOVER_AGE = Duration.ofHours(1);

  /**
   * What was removed.
   *
   * @param repository the repository location
   * @param removed how many stale locks were removed
   * @param remaining how many live locks remain
   * @param removedLeftovers how many temporary files of interrupted writes were removed
   * @param keptLeftovers how many were kept: under an hour old, or a lock is held
   */
  public record Outcome(
      String repository, int removed, int remaining, int removedLeftovers, int keptLeftovers) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public UnlockRepository(RepositoryOpener opener) {
    this.opener = opener;
  }

  /** Removes the stale locks, then, if no lock remains, the stale temporary files. */
  public Outcome run(RepositoryOptions options) throws IOException {
    var repo = opener.open(options, false).repository();
    int removed = RepositoryLock.removeStale(repo);
    int remaining = RepositoryLock.list(repo).size();
    List<Leftover> leftovers = repo.backend().leftovers();
    int removedLeftovers = 0;
    if (repo.backend().list(FileType.LOCK).isEmpty()) {
      Instant cutoff = Instant.now().minus(LEFTOVER_AGE);
      for (Leftover l : leftovers) {
        if (l.modified().isBefore(cutoff)) {
          repo.backend().removeLeftover(l);
          removedLeftovers++;
        }
      }
    }
    return new Outcome(
        repo.backend().location(),
        removed,
        remaining,
        removedLeftovers,
        leftovers.size() - removedLeftovers);
  }
}
