package org.bdr.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bdr.repo.Node;
import org.bdr.repo.Timestamps;

/** The metadata of one directory entry, read without following symlinks. */
record FileStat(
    int mode,
    long inode,
    long device,
    long rdev,
    long links,
    long uid,
    long gid,
    long size,
    FileTime mtime,
    FileTime atime,
    FileTime ctime) {

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFCHR = 0020000;

  /** Named explicitly: "unix:*" would also resolve owner and group names on every call. */
  private static final String ATTRIBUTES =
      "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

  private static final Map<Long, String> USERS = new ConcurrentHashMap<>();
  private static final Map<Long, String> GROUPS = new ConcurrentHashMap<>();

  static FileStat of(Path path) throws IOException {
    return read(path, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The metadata of the folder a path leads to, following symlinks: the folders above a source are
   * recorded as folders even where the path reaches them through a link.
   */
  static FileStat following(Path path) throws IOException {
    return read(path);
  }

  private static FileStat read(Path path, LinkOption... options) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, options);
    return new FileStat(
        (Integer) a.get("mode"),
        (Long) a.get("ino"),
        (Long) a.get("dev"),
        (Long) a.get("rdev"),
        ((Number) a.get("nlink")).longValue(),
        ((Number) a.get("uid")).longValue(),
        ((Number) a.get("gid")).longValue(),
        (Long) a.get("size"),
        (FileTime) a.get("lastModifiedTime"),
        (FileTime) a.get("lastAccessTime"),
        (FileTime) a.get("ctime"));
  }

  /** This stat with another size. */
  FileStat withSize(long newSize) {
    return new FileStat(mode, inode, device, rdev, links, uid, gid, newSize, mtime, atime, ctime);
  }

  boolean isDir() {
    return (mode & S_IFMT) == S_IFDIR;
  }

  boolean isFile() {
    return (mode & S_IFMT) == S_IFREG;
  }

  boolean isSymlink() {
    return (mode & S_IFMT) == S_IFLNK;
  }

  /** Same size, mtime, ctime and inode: the content can be reused unread. */
  boolean matches(Node parent) {
    return parent != null
        && parent.isFile()
        && parent.size() == size
        && parent.inode() == inode
        && format(mtime).equals(parent.mtime())
        && format(ctime).equals(parent.ctime());
  }

  /** Whether size or mtime differ from an earlier stat of the same file. */
  boolean changedSince(FileStat before) {
    return size != before.size || !mtime.equals(before.mtime);
  }

  String type() {
    return switch (mode & S_IFMT) {
      case S_IFDIR -> "dir";
      case S_IFREG -> "file";
      case S_IFLNK -> "symlink";
      case S_IFIFO -> "fifo";
      case S_IFSOCK -> "socket";
      case S_IFCHR -> "chardev";
      case S_IFBLK -> "dev";
      default -> "irregular";
    };
  }

  long goMode() {
    long go = mode & 0777;
    if ((mode & 04000) != 0) {
      go |= Node.MODE_SETUID;
    }
    if ((mode & 02000) != 0) {
      go |= Node.MODE_SETGID;
    }
    if ((mode & 01000) != 0) {
      go |= Node.MODE_STICKY;
    }
    return go
        | switch (mode & S_IFMT) {
          case S_IFDIR -> Node.MODE_DIR;
          case S_IFLNK -> Node.MODE_SYMLINK;
          case S_IFIFO -> Node.MODE_NAMED_PIPE;
          case S_IFSOCK -> Node.MODE_SOCKET;
          case S_IFCHR -> Node.MODE_DEVICE | Node.MODE_CHAR_DEVICE;
          case S_IFBLK -> Node.MODE_DEVICE;
          default -> 0L;
        };
  }

  /** The tree entry for this stat. */
  Node toNode(Path path, String name, List<String> content, String subtree, String linkTarget) {
    boolean file = isFile();
    boolean dev = type().equals("dev") || type().equals("chardev");
    return new Node(
        name,
        type(),
        goMode(),
        format(mtime),
        format(atime),
        format(ctime),
        uid,
        gid,
        userName(path),
        groupName(path),
        inode,
        device,
        file ? size : 0,
        links,
        linkTarget,
        dev ? rdev : 0,
        file ? content : null,
        subtree);
  }

  static String format(FileTime time) {
    return Timestamps.format(time);
  }

  private String userName(Path path) {
    return USERS.computeIfAbsent(uid, k -> lookup(path, "posix:owner"));
  }

  private String groupName(Path path) {
    return GROUPS.computeIfAbsent(gid, k -> lookup(path, "posix:group"));
  }

  private static String lookup(Path path, String attribute) {
    try {
      Object p = Files.getAttribute(path, attribute, LinkOption.NOFOLLOW_LINKS);
      return ((java.security.Principal) p).getName();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
