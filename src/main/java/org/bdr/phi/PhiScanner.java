package org.bdr.phi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * Scans practice files for protected health information (HIPAA Safe Harbor identifiers) and reports
 * where each sits and of which type, never the identifier itself.
 *
 * <p>Two entry points: {@link #scan} walks files and folders; {@link #open} scans one file whose
 * bytes the caller pushes, so a backup that already reads a file for chunking need not read it
 * twice, and {@link #scanFolderName} scans the name of each folder such a caller walks. A bad file
 * (unreadable, vanished, malformed, a zip bomb) yields an error entry for that file and the scan
 * goes on. Thread-safe: every file gets its own state.
 */
public final class PhiScanner {

  private static final int READ_SIZE = 1 << 20;
  private static final int MIN_READ_SIZE = 8 * 1024;

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
    return scan(roots, () -> false);
  }

  /**
   * Like {@link #scan(List)}, checking {@code cancelled} before each file and folder.
   *
   * @throws BdrException CANCELLED when {@code cancelled} turned true before the scan ended
   */
  public ScanReport scan(List<Path> roots, BooleanSupplier cancelled) {
    List<FileResult> results = new ArrayList<>();
    List<Finding> folderFindings = new ArrayList<>();
    for (Path root : roots) {
      new FolderWalk(options, results, folderFindings, cancelled).walk(root);
      if (cancelled.getAsBoolean()) {
        throw new BdrException(
            ErrorCode.CANCELLED,
            "the scan was cancelled after " + results.size() + " files",
            "scan again when needed, or scan fewer folders");
      }
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

  /**
   * Like {@link #open(String)}, buffering at most {@code bufferLimit} bytes of the file, so that a
   * caller scanning several files at once can bound its memory. Structured text beyond the limit is
   * scanned line by line; a PDF or office document beyond it is not extracted (an ERROR result).
   *
   * @param bufferLimit from 1 MiB up to 64 MiB, the most {@link #open(String)} buffers
   */
  public FileScan open(String displayPath, int bufferLimit) {
    return open(displayPath, bufferLimit, 0);
  }

  /**
   * Like {@link #open(String, int)}, for a file expected to hold about {@code expectedSize} bytes
   * (its size when listed; 0 when not known): its bytes are buffered without growing a buffer,
   * however many reads bring them.
   */
  public FileScan open(String displayPath, int bufferLimit, long expectedSize) {
    if (bufferLimit < (1 << 20) || bufferLimit > ScanSession.CAP) {
      throw new IllegalArgumentException(
          "bufferLimit must be within 1 MiB..64 MiB, was " + bufferLimit);
    }
    return new ScanSession(
        Objects.requireNonNull(displayPath, "displayPath"), options, bufferLimit, expectedSize);
  }

  /**
   * Scans the name of one folder (the last part of its path) by the rules {@link #scan} applies to
   * every folder it walks, for a caller that walks folders itself, such as a backup. Each finding
   * reports line 0 and names the folder by its safe path: its name with identifiers replaced by
   * their type, the part above it as given. The part above is not scanned; a path without a name (a
   * root) has no findings.
   */
  public List<Finding> scanFolderName(Path folder) {
    if (folder.getFileName() == null) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    PathNames.scanFolder(folder, SafeFolder.of(PathNames.above(folder)), options, findings);
    return List.copyOf(findings);
  }

  /**
   * Scans a symbolic link by name, for a caller that walks folders itself: the link's own name and
   * each part of the path it points to (links are never followed). Findings report line 0 and name
   * the link by its safe path; the part above the link is not scanned.
   */
  public FileResult scanLink(Path link, String target) {
    if (link.getFileName() == null) {
      return new FileResult(link.toString(), link.toString(), ScanStatus.SCANNED, null, List.of());
    }
    return PathNames.scanLink(link, SafeFolder.of(PathNames.above(link)), target, options);
  }

  /**
   * The identifier types found in a short free text, such as a snapshot's label, at this scanner's
   * sensitivity; empty when none. Neither the text nor what matched is kept.
   */
  public Set<IdentifierType> typesIn(String text) {
    FindingSink sink = new FindingSink("text", options);
    new TextDetector().scan(text, 1, null, Cue.NONE, sink);
    Set<IdentifierType> types = EnumSet.noneOf(IdentifierType.class);
    sink.findings().forEach(f -> types.add(f.type()));
    return types;
  }

  /** The most {@link #open(String)} buffers of one file. */
  public static int maxBufferLimit() {
    return ScanSession.CAP;
  }

  /** Reads one file into a {@link FileScan}; a failure while reading becomes an error entry. */
  FileResult scanFile(Path file) {
    return scanFile(file, null, options);
  }

  /** Reads one file, naming it after its folder as a report shows it when given. */
  static FileResult scanFile(Path file, SafeFolder folder, ScanOptions options) {
    FileScan scan = null;
    try (InputStream in = Files.newInputStream(file)) {
      long size = in.available();
      scan = new ScanSession(file.toString(), folder, options, size);
      // as large as the file and one byte more, to see its end in one read, up to READ_SIZE
      byte[] buf = new byte[(int) Math.min(READ_SIZE, Math.max(MIN_READ_SIZE, size + 1))];
      for (int n; (n = in.read(buf)) > 0; ) {
        scan.update(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (scan == null) {
        scan = new ScanSession(file.toString(), folder, options);
      }
      return scan.fail(readFailure(e));
    }
    return scan.finish();
  }

  static String readFailure(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "the file disappeared before it could be read";
    }
    return "could not read the file (" + failureKind(e) + ")";
  }

  static String failureKind(Exception e) {
    return e instanceof java.nio.file.AccessDeniedException
        ? "permission denied"
        : "input/output error";
  }
}
