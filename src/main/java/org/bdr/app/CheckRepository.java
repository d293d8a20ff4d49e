package org.bdr.app;

import java.io.IOException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.bdr.check.CheckResult;
import org.bdr.check.Checker;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;

/** Checks a repository's structure and, when asked, every blob's data. */
public final class CheckRepository {

  /**
   * A finished check.
   *
   * @param repository the repository location
   * @param result what was found
   */
  public record Outcome(String repository, CheckResult result) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public CheckRepository(RepositoryOpener opener) {
    this.opener = opener;
  }

  /** Runs the check and records it in the run history. */
  public Outcome run(
      RepositoryOptions options, boolean readData, LongConsumer bytes, BooleanSupplier cancelled)
      throws IOException {
    return new RunHistory(opener.state())
        .record(
            RunHistory.Entry.CHECK,
            opener.location(options).toString(),
            () -> check(options, readData, bytes, cancelled),
            RunFacts::of);
  }

  private Outcome check(
      RepositoryOptions options, boolean readData, LongConsumer bytes, BooleanSupplier cancelled)
      throws IOException {
    Repository repo = opener.open(options, false).repository();
    try (RepositoryLock lock = RepositoryLock.acquire(repo, true)) {
      CheckResult result = new Checker(repo, bytes, cancelled).check(readData, Set.of());
      return new Outcome(repo.backend().location(), result);
    }
  }
}
