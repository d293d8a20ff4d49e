package org.bdr.app;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.phi.PhiScanner;
import org.bdr.phi.ScanOptions;
import org.bdr.phi.ScanReport;
import org.bdr.phi.Sensitivity;

/**
 * Scans files and folders for protected health information and reports where it sits and of which
 * type, never the values themselves.
 */
public final class ScanForPhi {

  /** Parses {@code low}, {@code medium} or {@code high}, ignoring case. */
  public static Sensitivity sensitivity(String text) {
    try {
      return Sensitivity.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "unknown sensitivity '" + text + "'",
          "use low, medium or high");
    }
  }

  /** Scans the paths. */
  public ScanReport run(List<Path> paths, Sensitivity sensitivity, boolean maskedHints) {
    return run(paths, sensitivity, maskedHints, () -> false);
  }

  /**
   * Scans the paths, stopping at the next file or folder once {@code cancelled} is true.
   *
   * @throws BdrException CANCELLED when cancelled
   */
  public ScanReport run(
      List<Path> paths, Sensitivity sensitivity, boolean maskedHints, BooleanSupplier cancelled) {
    List<Path> roots = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    for (Path p : roots) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new BdrException(
            ErrorCode.SOURCE_NOT_FOUND, "path " + p + " does not exist", "check the path");
      }
    }
    return new PhiScanner(new ScanOptions(sensitivity, maskedHints)).scan(roots, cancelled);
  }
}
