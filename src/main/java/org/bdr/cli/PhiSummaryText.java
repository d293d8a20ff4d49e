package org.bdr.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bdr.backup.BackupResult;
import org.bdr.backup.SkippedFile;
import org.bdr.repo.PhiFacts;

/**
 * The text summary of a backup's PHI scan: counts by type and the number of files; the paths only
 * of files kept out or not scanned, since the person must find those. Never a matched value.
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
            + Console.plural(phi.files(), "file")
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

  private static void list(PrintStream out, List<SkippedFile> files, String what, int listed) {
    if (files.isEmpty()) {
      return;
    }
    out.println(what + ": " + Console.plural(files.size(), "file"));
    files.stream()
        .limit(listed)
        .forEach(f -> out.println("  " + TerminalText.escape(f.path()) + ": " + f.reason()));
    if (files.size() > listed) {
      out.println("  … and " + (files.size() - listed) + " more (all are in --json)");
    }
  }
}
