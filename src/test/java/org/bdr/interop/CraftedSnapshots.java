package org.bdr.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Node;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;
import org.bdr.repo.Tree;

/**
 * Snapshots no backup would write, stored straight through the repository: odd entry names, sizes
 * that disagree with the content. Each is a tree of {@link Entry} values under one source path.
 */
final class CraftedSnapshots {

  private static final String TIME = "2024-05-06T07:08:09.123456789+02:00";

  /** One entry: a file with content and a recorded size, or a folder with entries. */
  sealed interface Entry permits File, Folder {
    String name();
  }

  /** A file whose tree node records {@code size}, whatever its content's length. */
  record File(String name, String content, long size) implements Entry {}

  /** A folder. */
  record Folder(String name, List<Entry> entries) implements Entry {}

  /** A file whose recorded size matches its content. */
  static File file(String name, String content) {
    return new File(name, content, content.getBytes(StandardCharsets.UTF_8).length);
  }

  static Folder folder(String name, Entry... entries) {
    return new Folder(name, List.of(entries));
  }

  private CraftedSnapshots() {}

  /**
   * Stores a snapshot of {@code source} (an absolute path of one element, such as {@code
   * /practice}) holding {@code entries}, in the order given; returns its id.
   */
  static Id store(Path repository, String password, String source, Entry... entries)
      throws Exception {
    Repository repo = Repository.open(new LocalBackend(repository), password.toCharArray());
    Id inner = tree(repo, List.of(entries));
    Id root = repo.saveTree(new Tree(List.of(dir(source.substring(1), inner))));
    repo.flush();
    return repo.saveSnapshot(
        new Snapshot(
            TIME,
            null,
            root.hex(),
            List.of(source),
            "host",
            "user",
            1000,
            1000,
            List.of(),
            List.of(),
            "crafted",
            null));
  }

  private static Id tree(Repository repo, List<Entry> entries) throws Exception {
    List<Node> nodes = new ArrayList<>();
    for (Entry e : entries) {
      if (e instanceof Folder f) {
        nodes.add(dir(f.name(), tree(repo, f.entries())));
      } else if (e instanceof File f) {
        byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
        Id blob = Id.hash(bytes);
        repo.saveBlob(BlobType.DATA, blob, bytes, 0, bytes.length);
        nodes.add(node(f.name(), "file", 0644, f.size(), List.of(blob.hex()), null));
      }
    }
    return repo.saveTree(new Tree(nodes));
  }

  private static Node dir(String name, Id subtree) {
    return node(name, "dir", Node.MODE_DIR | 0755, 0, null, subtree.hex());
  }

  private static Node node(
      String name, String type, long mode, long size, List<String> content, String subtree) {
    return new Node(
        name, type, mode, TIME, TIME, TIME, 1000, 1000, null, null, 0, 0, size, 1, null, 0, content,
        subtree);
  }
}
