package org.bdr.app;

import java.io.IOException;
import org.bdr.repo.RepositoryLock;

/** Removes locks left behind by processes that died: older than 30 minutes, or of a dead PID. */
public final class UnlockRepository {

  /**
   * What was removed.
   *
   * @param repository the repository location
   * @param removed how many stale locks were removed
   * @param remaining how many live locks remain
   */
  public record Outcome(String repository, int removed, int remaining) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public UnlockRepository(RepositoryOpener opener) {
    this.opener = opener;
  }

  /** Removes the stale locks. */
  public Outcome run(RepositoryOptions options) throws IOException {
    var repo = opener.open(options, false).repository();
    int removed = RepositoryLock.removeStale(repo);
    return new Outcome(repo.backend().location(), removed, RepositoryLock.list(repo).size());
  }
}
