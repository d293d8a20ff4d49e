package org.bdr.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bdr.backup.BackupResult;
import org.bdr.backup.SkippedFile;
import org.bdr.repo.PhiFacts;

/**
 * The text summary of a backup's PHI scan: counts by type and the number of files and folder names
 * with findings; the paths only of files and folders kept out or of files not scanned, since the
 * person must find those. Never a matched value.
 */
final class PhiSummaryText {

  private PhiSummaryText() {}

  /** Prints the summary of {@code r}, which scanned, listing at most {@code listed} paths each. */
  static void print(PrintStream out, BackupResult r, int listed) {
    PhiFacts phi = r.phi();
    out.println(
        "PHI scan ("
            + phi.sensitivity()
            + " sensitivity, policy "
            + phi.policy()
            + "): "
            + Console.plural(phi.findings(), "finding")
            + " in "
            + places(phi.files(), phi.folders(), "folder name")
            + (phi.tagged() ? "; snapshot tagged '" + PhiFacts.TAG + "'" : ""));
    if (!phi.byType().isEmpty()) {
      out.println(
          "  by type: "
              + phi.byType().entrySet().stream()
                  .map((Map.Entry<String, Long> e) -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    list(out, r.blocked(), "blocked, not backed up", listed);
    list(out, r.notScanned(), "stored but not scanned for PHI", listed);
  }

  /**
   * "2 files", "1 folder", "2 files and 1 folder", with {@code folderNoun} for folders: files are
   * always named, folders only when there are some, so a scan without findings reads "0 files".
   */
  static String places(long files, long folders, String folderNoun) {
    if (folders == 0) {
      return Console.plural(files, "file");
    }
    String those = Console.plural(folders, folderNoun);
    return files == 0 ? those : Console.plural(files, "file") + " and " + those;
  }

  private static void list(PrintStream out, List<SkippedFile> files, String what, int listed) {
    if (files.isEmpty()) {
      return;
    }
    long folders = files.stream().filter(SkippedFile::folder).count();
    out.println(what + ": " + places(files.size() - folders, folders, "folder"));
    files.stream()
        .limit(listed)
        .forEach(f -> out.println("  " + TerminalText.escape(f.path()) + ": " + f.reason()));
    if (files.size() > listed) {
      out.println("  … and " + (files.size() - listed) + " more (all are in --json)");
    }
  }
}
