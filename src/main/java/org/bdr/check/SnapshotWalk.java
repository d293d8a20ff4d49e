package org.bdr.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bdr.repo.BlobLocation;
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Node;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;
import org.bdr.repo.Tree;

/**
 * Walks snapshot trees, noting which snapshots use which packs, and every problem a restore would
 * meet: trees or blobs missing from the index, unreadable trees, unsafe or repeated names. A tree
 * shared by several snapshots is read once.
 */
final class SnapshotWalk {
  private final Repository repo;
  final List<String> errors;
  final Set<Id> treesSeen = new HashSet<>();
  final Map<Id, Set<String>> packUsers = new HashMap<>();
  final Set<String> affected = new TreeSet<>();
  final Map<Id, Set<Id>> treePacks = new HashMap<>();
  final Set<Id> brokenTrees = new HashSet<>();
  long snapshots;

  SnapshotWalk(Repository repo, List<String> errors) {
    this.repo = repo;
    this.errors = errors;
  }

  void snapshot(Id id, Snapshot s) {
    snapshots++;
    Set<Id> packs = new HashSet<>();
    walkTree(id, s.treeId(), "", packs);
    for (Id p : packs) {
      packUsers.computeIfAbsent(p, k -> new TreeSet<>()).add(id.shortHex());
    }
  }

  /** Walks a tree; returns whether it or anything below it is damaged. */
  private boolean walkTree(Id snap, Id treeId, String path, Set<Id> packs) {
    Set<Id> cached = treePacks.get(treeId);
    if (cached != null) {
      packs.addAll(cached);
      if (brokenTrees.contains(treeId)) {
        affected.add(snap.shortHex());
        return true;
      }
      return false;
    }
    int errorsBefore = errors.size();
    boolean broken = false;
    Set<Id> mine = new HashSet<>();
    BlobLocation loc = repo.locate(BlobType.TREE, treeId);
    if (loc == null) {
      errors.add(
          "snapshot "
              + snap.shortHex()
              + ": tree "
              + treeId.shortHex()
              + " of "
              + (path.isEmpty() ? "/" : path)
              + " is missing from the index");
      affected.add(snap.shortHex());
      return true;
    }
    mine.add(loc.pack());
    Tree tree;
    try {
      tree = repo.loadTree(treeId);
      treesSeen.add(treeId);
    } catch (IOException | RuntimeException e) {
      packs.add(loc.pack());
      errors.add(
          "snapshot "
              + snap.shortHex()
              + ": tree of "
              + (path.isEmpty() ? "/" : path)
              + " cannot be read: "
              + e.getMessage());
      affected.add(snap.shortHex());
      return true;
    }
    checkNames(snap, tree, path);
    for (Node n : tree.nodes()) {
      String p = path + "/" + n.name();
      if (n.isFile()) {
        for (Id blob : n.contentIds()) {
          BlobLocation b = repo.locate(BlobType.DATA, blob);
          if (b == null) {
            errors.add(
                "snapshot "
                    + snap.shortHex()
                    + ": file "
                    + p
                    + " needs blob "
                    + blob.shortHex()
                    + ", which is missing");
            affected.add(snap.shortHex());
          } else {
            mine.add(b.pack());
          }
        }
      } else if (n.isDir()) {
        if (n.subtree() == null) {
          errors.add("snapshot " + snap.shortHex() + ": folder " + p + " has no subtree");
          affected.add(snap.shortHex());
        } else {
          broken |= walkTree(snap, n.subtreeId(), p, mine);
        }
      }
    }
    treePacks.put(treeId, mine);
    packs.addAll(mine);
    broken |= errors.size() > errorsBefore;
    if (broken) {
      brokenTrees.add(treeId);
    }
    return broken;
  }

  /** Reports names a restore must skip: unsafe ones, and any that occurs twice in the tree. */
  private void checkNames(Id snap, Tree tree, String path) {
    String prefix = "snapshot " + snap.shortHex() + ": folder " + (path.isEmpty() ? "/" : path);
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (Node n : tree.nodes()) {
      if (!n.hasSafeName()) {
        errors.add(prefix + " holds an entry with an unsafe name \"" + n.name() + "\"");
        affected.add(snap.shortHex());
      }
      counts.merge(n.name(), 1, Integer::sum);
    }
    counts.forEach(
        (name, count) -> {
          if (count > 1) {
            errors.add(prefix + " holds " + count + " entries named \"" + name + "\"");
            affected.add(snap.shortHex());
          }
        });
  }

  List<String> usersOf(Id pack) {
    Set<String> users = packUsers.getOrDefault(pack, Set.of());
    affected.addAll(users);
    return new ArrayList<>(users);
  }

  List<String> affected() {
    return new ArrayList<>(affected);
  }
}
