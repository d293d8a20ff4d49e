package org.bdr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.bdr.backup.Archiver;
import org.bdr.backup.BackupProgress;
import org.bdr.backup.BackupRequest;
import org.bdr.backup.BackupResult;
import org.bdr.backup.BackupType;
import org.bdr.backup.PhiCheck;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.pattern.PathPatterns;
import org.bdr.phi.IdentifierType;
import org.bdr.phi.PhiScanner;
import org.bdr.phi.ScanOptions;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;
import org.bdr.repo.Snapshot;

/** Backs up files and folders into a repository, creating the embedded default if needed. */
public final class CreateBackup {

  /**
   * A backup to run.
   *
   * @param repository where to back up
   * @param sources files and folders
   * @param excludes exclude globs
   * @param type incremental or full
   * @param label a label, may be null
   * @param phi how to scan for PHI while reading; null for no scan
   */
  public record Request(
      RepositoryOptions repository,
      List<Path> sources,
      List<String> excludes,
      BackupType type,
      String label,
      PhiCheck phi) {

    /** The longest label accepted. */
    public static final int MAX_LABEL = 200;

    /** Checks the label: at most {@value #MAX_LABEL} characters, no control characters. */
    public Request {
      if (label != null && label.length() > MAX_LABEL) {
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "the label is " + label.length() + " characters long; at most " + MAX_LABEL,
            "give a short label such as 'before upgrade'");
      }
      if (label != null && label.chars().anyMatch(Character::isISOControl)) {
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "the label holds control characters (line breaks, tabs or terminal codes)",
            "give a label of plain text on one line");
      }
    }

    /** A backup without a PHI scan. */
    public Request(
        RepositoryOptions repository,
        List<Path> sources,
        List<String> excludes,
        BackupType type,
        String label) {
      this(repository, sources, excludes, type, label, null);
    }
  }

  /**
   * A finished backup.
   *
   * @param result what the backup did
   * @param repository the repository location
   * @param notice a one-time notice for the person, or null
   */
  public record Outcome(BackupResult result, String repository, String notice) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public CreateBackup(RepositoryOpener opener) {
    this.opener = opener;
  }

  /** Runs the backup and records it in the run history. */
  public Outcome run(Request request, BackupProgress progress, BooleanSupplier cancelled)
      throws IOException {
    return new RunHistory(opener.state())
        .record(
            RunHistory.Entry.BACKUP,
            opener.location(request.repository()).toString(),
            () -> backUp(request, progress, cancelled),
            RunFacts::of);
  }

  private Outcome backUp(Request request, BackupProgress progress, BooleanSupplier cancelled)
      throws IOException {
    refuseIdentifiersInLabel(request.label());
    List<Path> sources =
        request.sources().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Archiver.checkSources(sources);
    Path location = opener.location(request.repository());
    refuseRepositoryInsideSource(location, sources, new PathPatterns(request.excludes()));

    OpenRepository open = opener.open(request.repository(), true);
    Repository repo = open.repository();
    String host = RepositoryLock.hostname();
    BackupRequest backup =
        new BackupRequest(
            sources, request.excludes(), request.type(), request.label(), host, request.phi());
    try (RepositoryLock lock = RepositoryLock.acquire(repo, false)) {
      // A full backup reads every file too, but still names its parent and counts against it.
      Id parent = findParent(repo, backup);
      BackupResult result = new Archiver(repo, progress, cancelled).run(backup, parent);
      return new Outcome(result, repo.backend().location(), open.notice());
    }
  }

  /**
   * Kinds of identifier that a label may hold: dates, machine addresses and links describe the
   * backup, not a person.
   */
  private static final Set<IdentifierType> ALLOWED_IN_LABEL =
      EnumSet.of(IdentifierType.DATE, IdentifierType.IP, IdentifierType.URL);

  /**
   * Refuses a label that looks like it names a patient: labels are shown to every role, auditors
   * included, and stored in plain sight of anyone who lists the snapshots.
   */
  private static void refuseIdentifiersInLabel(String label) {
    if (label == null || label.isBlank()) {
      return;
    }
    Set<IdentifierType> found = EnumSet.noneOf(IdentifierType.class);
    found.addAll(new PhiScanner(ScanOptions.defaults()).typesIn(label));
    found.removeAll(ALLOWED_IN_LABEL);
    if (!found.isEmpty()) {
      throw new BdrException(
          ErrorCode.PHI_DETECTED,
          "the label looks like it holds patient identifiers (" + found + ")",
          "choose a label without patient details, such as 'before upgrade'; labels are shown to"
              + " every role");
    }
  }

  private static void refuseRepositoryInsideSource(
      Path repo, List<Path> sources, PathPatterns excludes) throws IOException {
    Path real = realOrSelf(repo);
    for (Path source : sources) {
      Path src = realOrSelf(source);
      if (real.startsWith(src) && !excluded(repo, source, excludes)) {
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "the repository "
                + repo
                + " lies inside the source "
                + source
                + "; the backup would copy itself",
            "add --exclude "
                + repo
                + ", or keep the repository elsewhere (-r, BDR_REPO or"
                + " BDR_HOME)");
      }
    }
  }

  /** Whether the exclude patterns leave out the repository or a folder above it. */
  private static boolean excluded(Path repo, Path source, PathPatterns excludes) {
    for (Path p = repo; p != null && p.startsWith(source); p = p.getParent()) {
      if (excludes.matches(p)) {
        return true;
      }
    }
    return false;
  }

  private static Path realOrSelf(Path p) throws IOException {
    Path at = p;
    Path rest = Path.of("");
    while (at != null && !Files.exists(at)) {
      rest = at.getFileName().resolve(rest);
      at = at.getParent();
    }
    return at == null ? p : at.toRealPath().resolve(rest).normalize();
  }

  /** The newest snapshot from this host with the same set of paths. */
  static Id findParent(Repository repo, BackupRequest backup) throws IOException {
    var paths = new HashSet<>(backup.sources().stream().map(Path::toString).toList());
    Map.Entry<Id, Snapshot> best = null;
    for (Map.Entry<Id, Snapshot> e : repo.snapshots().entrySet()) {
      Snapshot s = e.getValue();
      if (backup.hostname().equals(s.hostname())
          && paths.equals(new HashSet<>(s.paths()))
          && (best == null || s.startTime().isAfter(best.getValue().startTime()))) {
        best = e;
      }
    }
    return best == null ? null : best.getKey();
  }
}
