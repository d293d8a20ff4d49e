package org.bdr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;
import org.bdr.restore.RestoreRequest;
import org.bdr.restore.RestoreResult;
import org.bdr.restore.Restorer;

/**
 * Restores a snapshot, or the files of it matching patterns, into an empty folder; or plans such a
 * restore into any folder without writing anything.
 */
public final class RestoreSnapshot {

  /** Plan action: nothing is at the path, the restore creates it. */
  public static final String CREATE = "create";

  /** Plan action: something different is at the path, restoring replaces it (a conflict). */
  public static final String OVERWRITE = "overwrite";

  /** Plan action: the same entry is already there, or the entry is never restored. */
  public static final String SKIP = "skip";

  /**
   * What a restore would do, entry by entry.
   *
   * @param snapshot the snapshot's full id
   * @param target the target folder, absolute
   * @param targetState {@code missing}, {@code empty} or {@code not-empty}
   * @param entries the first planned entries, at most the limit asked for, in tree order (depth
   *     first, names in order)
   * @param files regular files selected, counting every one even when entries are truncated
   * @param bytes their total size
   * @param conflicts entries of any type whose action is overwrite
   * @param identical files and symlinks already in the target as the snapshot holds them (skip)
   * @param truncated whether more entries were planned than {@code entries} holds
   */
  public record Plan(
      String snapshot,
      String target,
      String targetState,
      List<PlanEntry> entries,
      long files,
      long bytes,
      long conflicts,
      long identical,
      boolean truncated) {

    /** Copies the entries. */
    public Plan {
      entries = List.copyOf(entries);
    }
  }

  /**
   * One entry of a restore plan.
   *
   * @param path where it goes, relative to the target (the snapshot's absolute path without its
   *     leading slash)
   * @param type {@code file}, {@code dir}, {@code symlink} or {@code other} (devices, FIFOs,
   *     sockets: never restored, always skipped)
   * @param action {@code create}, {@code overwrite} or {@code skip}
   * @param size the snapshot's size of a file, 0 for anything else
   * @param mtime the snapshot's modification time, RFC 3339
   * @param existingSize the size of the regular file in the target at that path, or null
   * @param existingMtime the modification time of whatever is in the target at that path, or null
   *     when nothing is
   */
  public record PlanEntry(
      String path,
      String type,
      String action,
      long size,
      String mtime,
      Long existingSize,
      String existingMtime) {}

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
   * Plans a restore of {@code ref} into {@code target}: reads the snapshot's trees and the target's
   * file attributes, writes nothing, and takes no lock. A file already in the target with the same
   * size and modification time (to the nanosecond) is identical and skipped; its content is not
   * read. Anything else there is a conflict to overwrite.
   *
   * @param sources for {@code latest}: paths the snapshot must have backed up; may be empty
   * @param includes glob patterns selecting files, as for the restore; empty for everything
   * @param limit how many entries to return at most; the totals count every entry
   * @throws org.bdr.error.BdrException BACKUP_NOT_FOUND for an unknown snapshot; INVALID_ARGUMENT
   *     for a negative limit, a target that is not a folder, or patterns that match nothing
   */
  public Plan plan(
      RepositoryOptions options,
      String ref,
      List<String> sources,
      Path target,
      List<String> includes,
      int limit)
      throws IOException {
    if (limit < 0) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "limit must not be negative, it was " + limit,
          "give how many plan entries to show, or 0 for the totals only");
    }
    Path where = target.toAbsolutePath().normalize();
    refuseTargetInsideRepository(opener.location(options), where);
    String state = targetState(where);
    Repository repo = opener.open(options, false).repository();
    var snap = repo.findSnapshot(ref, SnapshotSources.absolute(sources));
    List<String> patterns = includes == null ? List.of() : includes;
    RestorePlanner planner = new RestorePlanner(repo, where, patterns, limit);
    planner.plan(repo.loadTree(snap.getValue().treeId()), "", false, !state.equals("missing"));
    if (planner.total == 0 && !patterns.isEmpty()) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "no file in snapshot "
              + snap.getKey().shortHex()
              + " matches "
              + String.join(", ", patterns),
          "list the snapshot with 'bdr ls' and adjust the include patterns");
    }
    return new Plan(
        snap.getKey().hex(),
        where.toString(),
        state,
        planner.entries,
        planner.files,
        planner.bytes,
        planner.conflicts,
        planner.identical,
        planner.total > planner.entries.size());
  }

  /**
   * Refuses a target inside the repository, also through symbolic links: restored files there would
   * mix with the repository's own files.
   */
  private static void refuseTargetInsideRepository(Path repo, Path target) throws IOException {
    Path realRepo = realOrSelf(repo);
    Path realTarget = realOrSelf(target);
    if (realTarget.startsWith(realRepo)) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "restore target " + target + " lies inside the repository " + repo,
          "restore into a folder outside the repository");
    }
  }

  /** The real path of the longest existing part of {@code p}, with the rest appended. */
  private static Path realOrSelf(Path p) throws IOException {
    Path at = p;
    Path rest = Path.of("");
    while (at != null && !Files.exists(at)) {
      rest = at.getFileName() == null ? rest : at.getFileName().resolve(rest);
      at = at.getParent();
    }
    return at == null ? p : at.toRealPath().resolve(rest).normalize();
  }

  /** {@code missing}, {@code empty} or {@code not-empty}; a target that is not a folder fails. */
  private static String targetState(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return "missing";
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "restore target " + target + " exists and is not a folder",
          "choose a folder as the target");
    }
    try (var entries = Files.list(target)) {
      return entries.findAny().isPresent() ? "not-empty" : "empty";
    }
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
    refuseTargetInsideRepository(opener.location(options), target.toAbsolutePath().normalize());
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
