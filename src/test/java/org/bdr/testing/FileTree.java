package org.bdr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * File trees declared as data: write one under a folder, then read back the facts a restore must
 * reproduce (type, size, content hash, mtime to the second, permissions, symlink target).
 */
public final class FileTree {

  /** A fixed moment that all declared mtimes count from, so that restores can be compared. */
  public static final Instant EPOCH = Instant.parse("2023-03-14T09:26:53Z");

  /** One entry of a declared tree; {@code path} is relative and uses '/'. */
  public sealed interface Entry permits TextFile, RandomFile, Dir, Symlink {
    String path();
  }

  /** A file holding UTF-8 text. */
  public record TextFile(String path, String text) implements Entry {}

  /**
   * A file of {@code size} pseudo-random bytes; the generator is reseeded every {@code block} bytes
   * with {@code seed + (blockIndex % seeds)}, so that big files can repeat themselves.
   */
  public record RandomFile(String path, long size, long seed, int block, int seeds)
      implements Entry {}

  /** A folder, possibly empty. */
  public record Dir(String path) implements Entry {}

  /** A symbolic link. */
  public record Symlink(String path, String target) implements Entry {}

  /** What a file system entry looks like after a backup and restore. */
  public record Fact(
      String type, long size, String sha256, long mtimeSeconds, String mode, String target) {}

  private FileTree() {}

  public static TextFile text(String path, String text) {
    return new TextFile(path, text);
  }

  public static RandomFile random(String path, long size, long seed) {
    return new RandomFile(path, size, seed, 1 << 20, Integer.MAX_VALUE);
  }

  public static Dir dir(String path) {
    return new Dir(path);
  }

  public static Symlink symlink(String path, String target) {
    return new Symlink(path, target);
  }

  /**
   * Writes the entries under {@code root} (created if needed). Each entry's mtime is {@link #EPOCH}
   * plus 61 seconds per position in the list; folders get theirs after their content.
   */
  public static void write(Path root, List<? extends Entry> entries) throws IOException {
    Files.createDirectories(root);
    List<Path> dirs = new ArrayList<>();
    List<FileTime> dirTimes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Path p = root.resolve(e.path());
      Files.createDirectories(p.getParent());
      FileTime mtime = FileTime.from(EPOCH.plusSeconds(61L * i));
      if (e instanceof TextFile t) {
        Files.writeString(p, t.text(), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, mtime);
      } else if (e instanceof RandomFile r) {
        writeRandom(p, r);
        Files.setLastModifiedTime(p, mtime);
      } else if (e instanceof Dir) {
        Files.createDirectories(p);
        dirs.add(p);
        dirTimes.add(mtime);
      } else if (e instanceof Symlink s) {
        Files.createSymbolicLink(p, Path.of(s.target()));
      }
    }
    for (int i = 0; i < dirs.size(); i++) {
      Files.setLastModifiedTime(dirs.get(i), dirTimes.get(i));
    }
  }

  private static void writeRandom(Path p, RandomFile r) throws IOException {
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(p)) {
      long written = 0;
      SplittableRandom rnd = null;
      while (written < r.size()) {
        if (written % r.block() == 0) {
          rnd = new SplittableRandom(blockSeed(r.seed(), (written / r.block()) % r.seeds()));
        }
        int n =
            (int)
                Math.min(buf.length, Math.min(r.size() - written, r.block() - written % r.block()));
        for (int i = 0; i < n; i += 8) {
          long v = rnd.nextLong();
          for (int k = 0; k < 8 && i + k < n; k++) {
            buf[i + k] = (byte) (v >>> (8 * k));
          }
        }
        out.write(buf, 0, n);
        written += n;
      }
    }
  }

  /**
   * A seed for one block, itself drawn at random: seeds that differ by a multiple of the
   * generator's own step would give streams that are shifted copies of each other.
   */
  private static long blockSeed(long seed, long block) {
    return new SplittableRandom(new SplittableRandom(seed).nextLong() ^ block).nextLong();
  }

  /** The facts of every entry under {@code root} (not {@code root} itself), by relative path. */
  public static Map<String, Fact> read(Path root) throws IOException {
    Map<String, Fact> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        if (p.equals(root)) {
          continue;
        }
        out.put(root.relativize(p).toString(), fact(p));
      }
    }
    return out;
  }

  private static Fact fact(Path p) throws IOException {
    long mtime =
        Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond();
    if (Files.isSymbolicLink(p)) {
      return new Fact("symlink", 0, null, 0, null, Files.readSymbolicLink(p).toString());
    }
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    if (Files.isDirectory(p)) {
      return new Fact("dir", 0, null, mtime, mode, null);
    }
    return new Fact("file", Files.size(p), sha256(p), mtime, mode, null);
  }

  /** The SHA-256 of a file's content, in hex. */
  public static String sha256(Path p) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Lists the differences between two fact maps, at most {@code limit} of them; empty when equal.
   */
  public static List<String> differences(
      Map<String, Fact> expected, Map<String, Fact> actual, int limit) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Fact> e : expected.entrySet()) {
      Fact got = actual.get(e.getKey());
      if (got == null) {
        out.add("missing: " + e.getKey());
      } else if (!got.equals(e.getValue())) {
        out.add(e.getKey() + ": expected " + e.getValue() + " but was " + got);
      }
    }
    for (String k : actual.keySet()) {
      if (!expected.containsKey(k)) {
        out.add("unexpected: " + k);
      }
    }
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  /** Deletes a folder and everything under it, making read-only folders writable first. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          p.toFile().setWritable(true, true);
        }
        Files.delete(p);
      }
    }
  }
}
