package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of a tree: a file, folder, symlink or special file, with the metadata restic records.
 *
 * <p>{@code mode} is a Go {@code os.FileMode}: permission bits plus the type bits below, as restic
 * writes it. Times are RFC 3339 with nanoseconds. A file always has a content list (empty for an
 * empty file); a folder always has a subtree.
 *
 * @param name the entry's name in its folder
 * @param type one of file, dir, symlink, dev, chardev, fifo, socket
 * @param mode Go file mode
 * @param mtime modification time
 * @param atime access time
 * @param ctime status change time
 * @param uid owner's numeric id
 * @param gid group's numeric id
 * @param user owner's name, may be null
 * @param group group's name, may be null
 * @param inode inode number, 0 if unknown
 * @param deviceId the device the entry lives on, 0 if unknown
 * @param size file size in bytes
 * @param links hard link count
 * @param linktarget a symlink's target, may be null
 * @param device a device node's device number
 * @param content a file's data blob ids in order, null for anything else
 * @param subtree a folder's tree id, null for anything else
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(
    @JsonProperty("name")
        @com.fasterxml.jackson.databind.annotation.JsonSerialize(converter = Node.Quoted.class)
        String name,
    @JsonProperty("type") String type,
    @JsonProperty("mode") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long mode,
    @JsonProperty("mtime") String mtime,
    @JsonProperty("atime") String atime,
    @JsonProperty("ctime") String ctime,
    @JsonProperty("uid") long uid,
    @JsonProperty("gid") long gid,
    @JsonProperty("user") String user,
    @JsonProperty("group") String group,
    @JsonProperty("inode") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long inode,
    @JsonProperty("device_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long deviceId,
    @JsonProperty("size") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long size,
    @JsonProperty("links") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long links,
    @JsonProperty("linktarget") String linktarget,
    @JsonProperty("device") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long device,
    @JsonProperty("content") List<String> content,
    @JsonProperty("subtree") String subtree) {

  /** Go's os.ModeDir. */
  public static final long MODE_DIR = 1L << 31;

  /** Go's os.ModeSymlink. */
  public static final long MODE_SYMLINK = 1L << 27;

  /** Go's os.ModeDevice. */
  public static final long MODE_DEVICE = 1L << 26;

  /** Go's os.ModeNamedPipe. */
  public static final long MODE_NAMED_PIPE = 1L << 25;

  /** Go's os.ModeSocket. */
  public static final long MODE_SOCKET = 1L << 24;

  /** Go's os.ModeSetuid. */
  public static final long MODE_SETUID = 1L << 23;

  /** Go's os.ModeSetgid. */
  public static final long MODE_SETGID = 1L << 22;

  /** Go's os.ModeCharDevice. */
  public static final long MODE_CHAR_DEVICE = 1L << 21;

  /** Go's os.ModeSticky. */
  public static final long MODE_STICKY = 1L << 20;

  /** Reads a node from tree JSON, undoing restic's quoting of the name. */
  @com.fasterxml.jackson.annotation.JsonCreator
  static Node fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("mode") long mode,
      @JsonProperty("mtime") String mtime,
      @JsonProperty("atime") String atime,
      @JsonProperty("ctime") String ctime,
      @JsonProperty("uid") long uid,
      @JsonProperty("gid") long gid,
      @JsonProperty("user") String user,
      @JsonProperty("group") String group,
      @JsonProperty("inode") long inode,
      @JsonProperty("device_id") long deviceId,
      @JsonProperty("size") long size,
      @JsonProperty("links") long links,
      @JsonProperty("linktarget") String linktarget,
      @JsonProperty("device") long device,
      @JsonProperty("content") List<String> content,
      @JsonProperty("subtree") String subtree) {
    return new Node(
        name == null ? null : GoQuote.unquote(name),
        type,
        mode,
        mtime,
        atime,
        ctime,
        uid,
        gid,
        user,
        group,
        inode,
        deviceId,
        size,
        links,
        linktarget,
        device,
        content,
        subtree);
  }

  /** Writes a name as tree JSON stores it: quoted as restic quotes it. */
  static final class Quoted
      extends com.fasterxml.jackson.databind.util.StdConverter<String, String> {
    @Override
    public String convert(String name) {
      return GoQuote.quote(name);
    }
  }

  /** Checks that the entry is one restic can read. */
  public Node {
    if (name == null || type == null) {
      throw new IllegalArgumentException("tree entry lacks a name or type");
    }
    if (type.equals("file") && content == null) {
      content = List.of();
    }
  }

  /** This entry with another access time. */
  public Node withAtime(String atime) {
    return new Node(
        name,
        type,
        mode,
        mtime,
        atime,
        ctime,
        uid,
        gid,
        user,
        group,
        inode,
        deviceId,
        size,
        links,
        linktarget,
        device,
        content,
        subtree);
  }

  /**
   * Whether the name is one a folder entry may have: not empty, not {@code .} or {@code ..}, and
   * without {@code /} or NUL. Any other name could lead a restore outside its folder.
   */
  public boolean hasSafeName() {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\0') < 0;
  }

  /** Whether this is a regular file. */
  public boolean isFile() {
    return type.equals("file");
  }

  /** Whether this is a folder. */
  public boolean isDir() {
    return type.equals("dir");
  }

  /** Whether this is a symbolic link. */
  public boolean isSymlink() {
    return type.equals("symlink");
  }

  /** The Unix permission bits (including setuid, setgid and sticky) from the Go mode. */
  public int unixPermissions() {
    int perm = (int) (mode & 0777);
    if ((mode & MODE_SETUID) != 0) {
      perm |= 04000;
    }
    if ((mode & MODE_SETGID) != 0) {
      perm |= 02000;
    }
    if ((mode & MODE_STICKY) != 0) {
      perm |= 01000;
    }
    return perm;
  }

  /** The content ids parsed. */
  public List<Id> contentIds() {
    return content == null ? List.of() : content.stream().map(Id::parse).toList();
  }

  /** The subtree id parsed, or null. */
  public Id subtreeId() {
    return subtree == null ? null : Id.parse(subtree);
  }
}
