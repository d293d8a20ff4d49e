package org.bdr.cli;

import java.util.List;
import org.bdr.app.ListSnapshots;
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
    List<SnapshotInfo> all = new ListSnapshots(opener).run(options.repository());
    if (console.json) {
      console.printJson(all);
      return Main.OK;
    }
    String format = "%-8s  %-25s  %-12s  %-12s  %-11s  %7s  %10s  %s%n";
    console.out.printf(format, "ID", "Time", "Host", "Label", "Type", "Files", "Size", "Paths");
    for (SnapshotInfo s : all) {
      console.out.printf(
          format,
          s.shortId(),
          s.time().length() > 25 ? s.time().substring(0, 19) : s.time(),
          s.host(),
          s.label() == null ? "" : s.label(),
          (s.type() == null ? "" : s.type()) + (s.partial() ? " (partial)" : ""),
          s.files() < 0 ? "?" : Long.toString(s.files()),
          s.size() < 0 ? "?" : Console.bytes(s.size()),
          String.join(", ", s.paths()));
    }
    console.out.println(all.size() + " snapshot" + (all.size() == 1 ? "" : "s"));
    return Main.OK;
  }
}
