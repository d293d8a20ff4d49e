package org.bdr.phi;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Walks a folder tree for {@link PhiScanner#scan}: scans every folder name and file, and builds
 * each one's safe path from its folder's safe path, so a patient's name in a folder name is
 * redacted in the paths of everything below it. Symbolic links are not followed.
 */
final class FolderWalk {

  private final ScanOptions options;
  private final List<FileResult> results;
  private final List<Finding> folderFindings;
  private final Map<Path, SafeFolder> folders = new HashMap<>();
  private final BooleanSupplier cancelled;

  FolderWalk(
      ScanOptions options,
      List<FileResult> results,
      List<Finding> folderFindings,
      BooleanSupplier cancelled) {
    this.options = options;
    this.results = results;
    this.folderFindings = folderFindings;
    this.cancelled = cancelled;
  }

  void walk(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (cancelled.getAsBoolean()) {
                return FileVisitResult.TERMINATE;
              }
              folder(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (cancelled.getAsBoolean()) {
                return FileVisitResult.TERMINATE;
              }
              if (attrs.isRegularFile()) {
                results.add(PhiScanner.scanFile(file, folderOf(file), options));
              } else if (attrs.isSymbolicLink()) {
                results.add(link(file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              ScanSession s = new ScanSession(file.toString(), folderOf(file), options);
              results.add(s.fail(PhiScanner.readFailure(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      ScanSession s = new ScanSession(root.toString(), options);
      results.add(s.fail("could not walk the folder (" + PhiScanner.failureKind(e) + ")"));
    }
  }

  /** Scans a link's name and the path it points to; a link that cannot be read is an error. */
  private FileResult link(Path file) {
    try {
      String target = Files.readSymbolicLink(file).toString();
      return PathNames.scanLink(file, folderOf(file), target, options);
    } catch (IOException | RuntimeException e) {
      ScanSession s = new ScanSession(file.toString(), folderOf(file), options);
      return s.fail("could not read the link (" + PhiScanner.failureKind(e) + ")");
    }
  }

  private void folder(Path dir) {
    Path name = dir.getFileName();
    SafeFolder parent = folderOf(dir);
    if (name == null) {
      folders.put(dir, SafeFolder.of(dir.toString()));
      return;
    }
    folders.put(dir, PathNames.scanFolder(dir, parent, options, folderFindings));
  }

  /**
   * The folder of a path whose parent was visited, as a report shows it: its safe path ends in a
   * separator.
   */
  private SafeFolder folderOf(Path p) {
    Path parent = p.getParent();
    if (parent == null) {
      return SafeFolder.of("");
    }
    SafeFolder safe = folders.get(parent);
    if (safe == null) {
      safe = SafeFolder.of(parent.toString());
    }
    String separator = p.getFileSystem().getSeparator();
    return safe.path().endsWith(separator)
        ? safe
        : new SafeFolder(safe.path() + separator, safe.names());
  }
}
