package org.bdr.app;

import java.io.IOException;
import org.bdr.repo.Repository;

/** Creates a new, empty repository. */
public final class InitRepository {

  /**
   * A created repository.
   *
   * @param repository its location
   * @param id its repository id
   * @param version its format version
   * @param notice a one-time notice about where a generated password is kept, or null
   */
  public record Outcome(String repository, String id, int version, String notice) {}

  private final RepositoryOpener opener;

  /** A use case creating repositories with {@code opener}. */
  public InitRepository(RepositoryOpener opener) {
    this.opener = opener;
  }

  /** Creates the repository the options name. */
  public Outcome run(RepositoryOptions options) throws IOException {
    OpenRepository open = opener.init(options);
    Repository repo = open.repository();
    return new Outcome(
        repo.backend().location(), repo.config().id(), repo.config().version(), open.notice());
  }
}
