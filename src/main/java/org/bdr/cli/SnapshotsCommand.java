package org.bdr.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.bdr.app.ListSnapshots;
import org.bdr.app.PhiBrief;
import org.bdr.app.SnapshotInfo;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bdr snapshots [filters] [--sort date|size] [--desc] [--limit N] [--cursor C]}. */
@Command(
    name = "snapshots",
    mixinStandardHelpOptions = true,
    description = {
      "List the snapshots in the repository, oldest first.",
      "Filters narrow the list; with --limit or --cursor it comes in pages."
    })
final class SnapshotsCommand extends BaseCommand {

  @Option(names = "--type", paramLabel = "TYPE", description = "incremental or full")
  String type;

  @Option(names = "--label", paramLabel = "TEXT", description = "only snapshots with this label")
  String label;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "only snapshots that backed up PATH or a folder above it")
  String path;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "started at or after TIME (RFC 3339, or YYYY-MM-DD: that day's start)")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "started before TIME (RFC 3339, or YYYY-MM-DD: that day included)")
  String until;

  @Option(
      names = "--sort",
      paramLabel = "date|size",
      description = "order by date (default) or size")
  String sort;

  @Option(names = "--desc", description = "newest or largest first")
  boolean descending;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "show N snapshots (1 to 1000), with a cursor for the next page")
  Integer limit;

  @Option(names = "--cursor", paramLabel = "C", description = "continue after a previous page")
  String cursor;

  @Override
  int execute() throws Exception {
    ListSnapshots.Query query = query();
    ListSnapshots use = new ListSnapshots(opener);
    boolean paged = limit != null || cursor != null;
    ListSnapshots.Page page =
        paged ? use.page(options.repository(), query) : use.all(options.repository(), query);
    page.problems().forEach(p -> console.err.println("bdr: warning: " + TerminalText.escape(p)));
    if (console.json) {
      console.printJson(page);
      return Main.OK;
    }
    print(page.snapshots());
    ListSnapshots.Totals t = page.totals();
    console.out.println(
        (page.snapshots().size() == page.matching()
                ? Console.plural(page.matching(), "snapshot")
                : page.snapshots().size() + " of " + page.matching() + " matching snapshots")
            + (page.matching() == t.snapshots() ? "" : " (" + t.snapshots() + " in the repository)")
            + "; the repository takes "
            + Console.bytes(t.storedBytes())
            + " in "
            + Console.plural(t.packFiles(), "pack file"));
    if (page.nextCursor() != null) {
      console.out.println("next page: --cursor " + page.nextCursor());
    }
    return Main.OK;
  }

  private ListSnapshots.Query query() {
    ZoneId zone = ZoneId.systemDefault();
    Instant from = since == null ? null : ListSnapshots.Query.time("--since", since, false, zone);
    Instant to = until == null ? null : ListSnapshots.Query.time("--until", until, true, zone);
    return new ListSnapshots.Query(
        type == null ? null : type.toLowerCase(Locale.ROOT),
        label,
        path == null ? null : Path.of(path).toAbsolutePath().normalize().toString(),
        from,
        to,
        sort(),
        descending,
        limit == null ? ListSnapshots.Query.DEFAULT_LIMIT : limit,
        cursor);
  }

  private ListSnapshots.Query.Sort sort() {
    if (sort == null || sort.equalsIgnoreCase("date")) {
      return ListSnapshots.Query.Sort.DATE;
    }
    if (sort.equalsIgnoreCase("size")) {
      return ListSnapshots.Query.Sort.SIZE;
    }
    throw new BdrException(
        ErrorCode.INVALID_ARGUMENT,
        "--sort must be date or size, got '" + sort + "'",
        "use --sort date or --sort size");
  }

  private void print(List<SnapshotInfo> all) {
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
  }

  /**
   * The PHI scan in a few words: files (and folders, by name) with findings, tagged or blocked; "-"
   * if not scanned.
   */
  static String phi(PhiBrief phi) {
    if (phi == null) {
      return "-";
    }
    String text = PhiSummaryText.places(phi.files(), phi.folders(), "folder");
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
