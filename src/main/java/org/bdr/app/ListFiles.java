package org.bdr.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Id;
import org.bdr.repo.Node;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;
import org.bdr.repo.Tree;

/** Lists the files in a snapshot, or under one folder of it. */
public final class ListFiles {

  /**
   * A listing.
   *
   * @param snapshot the snapshot's id
   * @param entries the entries, depth first in name order
   */
  public record Listing(String snapshot, List<FileEntry> entries) {}

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public ListFiles(RepositoryOpener opener) {
    this.opener = opener;
  }

  /**
   * Lists entries.
   *
   * @param ref a snapshot id, prefix or {@code latest}
   * @param sources for {@code latest}: paths the snapshot must have backed up; may be empty
   * @param under an absolute path inside the snapshot, or null for everything
   */
  public Listing run(RepositoryOptions options, String ref, List<String> sources, String under)
      throws IOException {
    Repository repo = opener.open(options, false).repository();
    Map.Entry<Id, Snapshot> snap = repo.findSnapshot(ref, SnapshotSources.absolute(sources));
    Tree tree = repo.loadTree(snap.getValue().treeId());
    String prefix = "";
    if (under != null && !under.isBlank() && !under.equals("/")) {
      for (String part : under.split("/")) {
        if (part.isEmpty()) {
          continue;
        }
        Node n = tree.find(part);
        if (n == null || !n.isDir()) {
          throw new BdrException(
              ErrorCode.INVALID_ARGUMENT,
              "folder " + under + " is not in snapshot " + snap.getKey().shortHex(),
              "list the snapshot without a path to see what it holds");
        }
        prefix += "/" + part;
        tree = repo.loadTree(n.subtreeId());
      }
    }
    List<FileEntry> out = new ArrayList<>();
    walk(repo, tree, prefix, out);
    return new Listing(snap.getKey().hex(), out);
  }

  private static void walk(Repository repo, Tree tree, String dir, List<FileEntry> out)
      throws IOException {
    for (Node n : tree.nodes()) {
      String path = dir + "/" + n.name();
      out.add(new FileEntry(path, n.type(), n.size(), n.mtime(), n.unixPermissions()));
      if (n.isDir() && n.subtree() != null) {
        walk(repo, repo.loadTree(n.subtreeId()), path, out);
      }
    }
  }
}
