package org.bdr.backend;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A repository in a local folder. Every file is written to a temporary name in its final folder,
 * forced to disk, then renamed into place; folders are created 700 and files 600.
 */
public final class LocalBackend implements Backend {

  private static final Set<PosixFilePermission> FOLDER_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final String TEMP_PREFIX = ".bdr-tmp-";

  private final Path root;

  /** A backend rooted at {@code root}; nothing is touched until a method is called. */
  public LocalBackend(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The repository folder. */
  public Path root() {
    return root;
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public boolean isRepository() {
    return Files.isRegularFile(root.resolve("config"));
  }

  @Override
  public void create() throws IOException {
    if (isRepository()) {
      throw new FileAlreadyExistsException(root + " already holds a repository (config exists)");
    }
    createFolder(root);
    for (FileType type : FileType.values()) {
      if (!type.folder().isEmpty()) {
        createFolder(root.resolve(type.folder()));
      }
    }
    for (int i = 0; i < 256; i++) {
      createFolder(root.resolve("data").resolve(String.format("%02x", i)));
    }
  }

  @Override
  public void save(FileType type, String name, byte[] data, int length) throws IOException {
    Path target = path(type, name);
    Path folder = target.getParent();
    if (!Files.isDirectory(folder)) {
      createFolder(folder);
    }
    Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
    try {
      writeAndSync(temp, data, length);
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncFolder(folder);
  }

  @Override
  public void saveNew(FileType type, String name, byte[] data) throws IOException {
    Path target = path(type, name);
    Path folder = target.getParent();
    Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID());
    try {
      writeAndSync(temp, data, data.length);
      Files.createLink(target, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncFolder(folder);
  }

  @Override
  public byte[] load(FileType type, String name) throws IOException {
    return Files.readAllBytes(path(type, name));
  }

  @Override
  public byte[] load(FileType type, String name, long offset, int length) throws IOException {
    try (FileChannel ch = FileChannel.open(path(type, name), StandardOpenOption.READ)) {
      byte[] out = new byte[length];
      try {
        ChannelIo.readFully(ch, offset, out, 0, length);
      } catch (java.io.EOFException e) {
        throw new java.io.EOFException(
            type.noun() + " " + name + " is shorter than " + (offset + length) + " bytes");
      }
      return out;
    }
  }

  @Override
  public long size(FileType type, String name) throws IOException {
    return Files.size(path(type, name));
  }

  @Override
  public boolean exists(FileType type, String name) {
    return Files.exists(path(type, name));
  }

  @Override
  public void remove(FileType type, String name) throws IOException {
    Files.deleteIfExists(path(type, name));
  }

  @Override
  public List<String> list(FileType type) throws IOException {
    if (type == FileType.CONFIG) {
      throw new IllegalArgumentException("the config file is not listed");
    }
    Path folder = root.resolve(type.folder());
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return names;
    }
    if (type == FileType.PACK) {
      try (Stream<Path> subs = Files.list(folder)) {
        for (Path sub : subs.filter(Files::isDirectory).toList()) {
          collect(sub, names);
        }
      }
    } else {
      collect(folder, names);
    }
    return names;
  }

  /** The space of the file store holding the folder, or of its nearest existing parent. */
  @Override
  public Optional<Space> space() throws IOException {
    Path at = root;
    while (at != null && !Files.exists(at)) {
      at = at.getParent();
    }
    if (at == null) {
      return Optional.empty();
    }
    java.nio.file.FileStore store = Files.getFileStore(at);
    long total = store.getTotalSpace();
    return Optional.of(new Space(Math.min(store.getUsableSpace(), total), total));
  }

  @Override
  public List<Leftover> leftovers() throws IOException {
    List<Path> folders = new ArrayList<>(List.of(root));
    for (FileType type : FileType.values()) {
      if (!type.folder().isEmpty()
          && Files.isDirectory(root.resolve(type.folder()), LinkOption.NOFOLLOW_LINKS)) {
        folders.add(root.resolve(type.folder()));
      }
    }
    Path data = root.resolve(FileType.PACK.folder());
    if (Files.isDirectory(data)) {
      try (Stream<Path> subs = Files.list(data)) {
        subs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(folders::add);
      }
    }
    List<Leftover> out = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(LocalBackend::isTemporary).toList()) {
          try {
            BasicFileAttributes attrs =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isRegularFile()) {
              out.add(
                  new Leftover(
                      root.relativize(file).toString(),
                      attrs.size(),
                      attrs.lastModifiedTime().toInstant()));
            }
          } catch (NoSuchFileException e) {
            // Renamed into place or removed since the folder was listed: not a leftover.
          }
        }
      }
    }
    out.sort(Comparator.comparing(Leftover::path));
    return out;
  }

  @Override
  public void removeLeftover(Leftover leftover) throws IOException {
    Path file = root.resolve(leftover.path()).normalize();
    if (!file.startsWith(root)
        || !isTemporary(file)
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || !file.toRealPath().startsWith(root.toRealPath())) {
      throw new IllegalArgumentException("not a temporary file of the repository: " + file);
    }
    Files.deleteIfExists(file);
  }

  /**
   * Temporary names: bdr's ({@code .bdr-tmp-} and a UUID) and restic's (a file id, {@code -tmp-}
   * and digits). Nothing else counts, however similar: a folder that holds a repository may also
   * hold a practice's own files.
   */
  private static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return BDR_TEMP.matcher(name).matches() || RESTIC_TEMP.matcher(name).matches();
  }

  private static final java.util.regex.Pattern BDR_TEMP =
      java.util.regex.Pattern.compile(
          "\\.bdr-tmp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final java.util.regex.Pattern RESTIC_TEMP =
      java.util.regex.Pattern.compile("[0-9a-f]{64}-tmp-[0-9]+");

  /** The path of a file; names are checked so that none can leave its folder. */
  Path path(FileType type, String name) {
    if (type == FileType.CONFIG) {
      return root.resolve("config");
    }
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("invalid " + type.noun() + " file name: " + name);
    }
    Path folder = root.resolve(type.folder());
    if (type == FileType.PACK) {
      if (name.length() < 2) {
        throw new IllegalArgumentException("invalid pack file name: " + name);
      }
      folder = folder.resolve(name.substring(0, 2));
    }
    return folder.resolve(name);
  }

  private static void collect(Path folder, List<String> names) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .filter(n -> !n.contains("-tmp-"))
          .forEach(names::add);
    }
  }

  private static void writeAndSync(Path temp, byte[] data, int length) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            temp,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(FILE_MODE))) {
      ChannelIo.writeFully(ch, 0, data, 0, length);
      ch.force(true);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target + " cannot rename atomically", e);
    }
  }

  private static void syncFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open folders for syncing; the rename is still atomic.
    }
  }

  private static void createFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    try {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
    } catch (FileAlreadyExistsException e) {
      throw new IOException(folder + " exists and is not a folder", e);
    }
    Files.setPosixFilePermissions(folder, FOLDER_MODE);
  }
}
