package org.bdr.phi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scans practice files for protected health information (HIPAA Safe Harbor identifiers) and reports
 * where each sits and of which type, never the identifier itself.
 *
 * <p>Two entry points: {@link #scan} walks files and folders; {@link #open} scans one file whose
 * bytes the caller pushes, so a backup that already reads a file for chunking need not read it
 * twice. A bad file (unreadable, vanished, malformed, a zip bomb) yields an error entry for that
 * file and the scan goes on. Thread-safe: every file gets its own state.
 */
public final class PhiScanner {

  private static final int READ_SIZE = 1 << 20;

  private final ScanOptions options;

  /** Creates a scanner with the given options. */
  public PhiScanner(ScanOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Scans files and folders recursively, their names too (a finding in a name reports line 0).
   * Never throws for a single bad file: it becomes an error entry in the report. Symbolic links are
   * not followed.
   */
  public ScanReport scan(List<Path> roots) {
    List<FileResult> results = new ArrayList<>();
    List<Finding> folderFindings = new ArrayList<>();
    for (Path root : roots) {
      walk(root, results, folderFindings);
    }
    return ScanReport.of(results, folderFindings);
  }

  /**
   * Starts scanning one file whose bytes will be pushed in order; {@code displayPath} is what
   * findings name. Memory stays bounded: structured formats are buffered up to 64 MiB, larger files
   * are scanned line by line.
   */
  public FileScan open(String displayPath) {
    return new ScanSession(Objects.requireNonNull(displayPath, "displayPath"), options);
  }

  private void walk(Path root, List<FileResult> results, List<Finding> folderFindings) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              folderFindings.addAll(folderName(dir));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                results.add(scanFile(file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              results.add(open(file.toString()).fail(readFailure(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      results.add(open(root.toString()).fail("could not walk the folder (" + className(e) + ")"));
    }
  }

  private List<Finding> folderName(Path dir) {
    Path name = dir.getFileName();
    if (name == null) {
      return List.of();
    }
    FindingSink sink = new FindingSink(dir.toString(), options);
    PathNames.scan(name.toString(), new TextDetector(), sink);
    return sink.findings();
  }

  /** Reads one file into a {@link FileScan}; a failure while reading becomes an error entry. */
  FileResult scanFile(Path file) {
    FileScan scan = open(file.toString());
    byte[] buf = new byte[READ_SIZE];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        scan.update(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      return scan.fail(readFailure(e));
    }
    return scan.finish();
  }

  private static String readFailure(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "the file disappeared before it could be read";
    }
    return "could not read the file (" + className(e) + ")";
  }

  private static String className(Exception e) {
    return e.getClass().getSimpleName();
  }
}
