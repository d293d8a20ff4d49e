package org.bdr.cli;

import java.util.List;
import org.bdr.app.ListSnapshots;
import org.bdr.app.PhiBrief;
import org.bdr.app.SnapshotInfo;
import picocli.CommandLine.Command;

/** {@code bdr snapshots}. */
@Command(
    name = "snapshots",
    mixinStandardHelpOptions = true,
    description = "List the snapshots in the repository.")
final class SnapshotsCommand extends BaseCommand {

  @Override
  int execute() throws Exception {
    ListSnapshots.Listing listing = new ListSnapshots(opener).run(options.repository());
    List<SnapshotInfo> all = listing.snapshots();
    listing.problems().forEach(p -> console.err.println("bdr: warning: " + TerminalText.escape(p)));
    if (console.json) {
      console.printJson(listing);
      return Main.OK;
    }
    String format = "%-8s  %-26s  %-12s  %-20s  %-21s  %7s  %10s  %-16s  %s%n";
    console.out.printf(
        format, "ID", "Time", "Host", "Label", "Type", "Files", "Size", "PHI", "Paths");
    for (SnapshotInfo s : all) {
      console.out.printf(
          format,
          s.shortId(),
          localTime(s.time()),
          fit(TerminalText.escape(s.host()), 12),
          fit(TerminalText.escape(s.label()), 20),
          TerminalText.escape(s.type()) + (s.partial() ? " (partial)" : ""),
          s.files() < 0 ? "?" : Long.toString(s.files()),
          s.size() < 0 ? "?" : Console.bytes(s.size()),
          phi(s.phi()),
          TerminalText.escape(String.join(", ", s.paths())));
    }
    console.out.println(Console.plural(all.size(), "snapshot"));
    return Main.OK;
  }

  /** The PHI scan in a few words: files with findings, tagged or blocked; "-" if not scanned. */
  static String phi(PhiBrief phi) {
    if (phi == null) {
      return "-";
    }
    String text = Console.plural(phi.files(), "file");
    if (phi.blocked() > 0) {
      return text + ", " + phi.blocked() + " blocked";
    }
    return phi.tagged() ? text + ", tagged" : text;
  }

  /** The time in this machine's zone, with its offset, to the second. */
  static String localTime(String rfc3339) {
    return java.time.OffsetDateTime.parse(rfc3339)
        .atZoneSameInstant(java.time.ZoneId.systemDefault())
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"));
  }

  private static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
