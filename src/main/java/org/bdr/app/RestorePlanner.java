package org.bdr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bdr.app.RestoreSnapshot.PlanEntry;
import org.bdr.pattern.PathPatterns;
import org.bdr.repo.Node;
import org.bdr.repo.Repository;
import org.bdr.repo.Timestamps;
import org.bdr.repo.Tree;

/**
 * Works out what a restore would do to each entry, reading only the snapshot's trees and the
 * target's file attributes. Entries are selected as the restore selects them: a folder that matches
 * brings everything below it, and a folder that does not is listed only when something below it is.
 * Entries the restore skips for their name (unsafe, or repeated in their folder) are left out, as
 * they are never written.
 */
final class RestorePlanner {

  private final Repository repo;
  private final Path target;
  private final PathPatterns includes;
  private final int limit;
  private final Deque<PlanEntry> waitingFolders = new ArrayDeque<>();

  final List<PlanEntry> entries = new ArrayList<>();
  long total;
  long files;
  long bytes;
  long conflicts;
  long identical;

  RestorePlanner(Repository repo, Path target, List<String> includes, int limit) {
    this.repo = repo;
    this.target = target;
    this.includes = new PathPatterns(includes);
    this.limit = limit;
  }

  /**
   * Plans a tree's entries.
   *
   * @param snapshotDir the tree's path in the snapshot, "" for the root
   * @param all whether a folder above matched, so that every entry is taken
   * @param onDisk whether the tree's folder exists in the target as a real folder
   */
  void plan(Tree tree, String snapshotDir, boolean all, boolean onDisk) throws IOException {
    Set<String> names = new HashSet<>();
    for (Node node : tree.nodes()) {
      if (!node.hasSafeName() || !names.add(node.name())) {
        continue;
      }
      String snapshotPath = snapshotDir + "/" + node.name();
      String relative = snapshotPath.substring(1);
      boolean take = all || includes.isEmpty() || includes.matches(Path.of(snapshotPath));
      Path out = target.resolve(relative);
      BasicFileAttributes existing = onDisk ? attributes(out) : null;
      PlanEntry entry = entry(node, relative, out, existing);
      if (node.isDir()) {
        waitingFolders.addLast(entry);
        if (take) {
          emitWaitingFolders();
        }
        if (node.subtree() != null) {
          Tree sub = repo.loadTree(node.subtreeId());
          plan(sub, snapshotPath, take, existing != null && existing.isDirectory());
        }
        if (!waitingFolders.isEmpty() && waitingFolders.peekLast() == entry) {
          waitingFolders.removeLast();
        }
      } else if (take) {
        emitWaitingFolders();
        emit(entry);
      }
    }
  }

  /** Folders are listed once something in them is, so that the plan stays in tree order. */
  private void emitWaitingFolders() {
    while (!waitingFolders.isEmpty()) {
      emit(waitingFolders.removeFirst());
    }
  }

  private void emit(PlanEntry e) {
    total++;
    if (e.type().equals("file")) {
      files++;
      bytes += e.size();
    }
    if (e.action().equals(RestoreSnapshot.OVERWRITE)) {
      conflicts++;
    } else if (e.action().equals(RestoreSnapshot.SKIP) && !e.type().equals("dir")) {
      identical++;
    }
    if (entries.size() < limit) {
      entries.add(e);
    }
  }

  private static PlanEntry entry(Node node, String relative, Path out, BasicFileAttributes existing)
      throws IOException {
    String type =
        switch (node.type()) {
          case "file", "dir", "symlink" -> node.type();
          default -> "other";
        };
    String action = action(node, type, out, existing);
    return new PlanEntry(
        relative,
        type,
        action,
        type.equals("file") ? node.size() : 0,
        node.mtime(),
        existing != null && existing.isRegularFile() ? existing.size() : null,
        existing == null ? null : Timestamps.format(existing.lastModifiedTime()));
  }

  /**
   * What the restore would do. A file counts as identical when the target holds a regular file of
   * the same size and the same modification time to the nanosecond; its content is not read.
   * Devices, FIFOs and sockets are never restored, so they are always skipped.
   */
  private static String action(Node node, String type, Path out, BasicFileAttributes existing)
      throws IOException {
    if (type.equals("other")) {
      return RestoreSnapshot.SKIP;
    }
    if (existing == null) {
      return RestoreSnapshot.CREATE;
    }
    boolean same =
        switch (type) {
          case "dir" -> existing.isDirectory();
          case "symlink" ->
              existing.isSymbolicLink()
                  && Files.readSymbolicLink(out)
                      .toString()
                      .equals(node.linktarget() == null ? "" : node.linktarget());
          default ->
              existing.isRegularFile()
                  && existing.size() == node.size()
                  && node.mtime() != null
                  && existing.lastModifiedTime().toInstant().equals(Timestamps.parse(node.mtime()));
        };
    return same ? RestoreSnapshot.SKIP : RestoreSnapshot.OVERWRITE;
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
