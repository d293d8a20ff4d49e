package org.bdr.cli;

import org.bdr.app.BackupStatus;
import org.bdr.app.RunHistory;
import org.bdr.app.SnapshotInfo;
import picocli.CommandLine.Command;

/** {@code bdr status}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Tell whether the backups are healthy, and why not:"
          + " last backup, failures, free space, locks.",
      "Exits 0 when healthy, 3 on a warning, 1 when critical."
    })
final class StatusCommand extends BaseCommand {

  @Override
  int execute() {
    BackupStatus.Report r = new BackupStatus(opener).run(options.repository());
    if (console.json) {
      console.printJson(r);
    } else {
      print(r);
    }
    if (r.health().equals(BackupStatus.CRITICAL)) {
      console.err.println(
          "bdr: the backups need attention now: "
              + TerminalText.escape(r.reasons().get(0).message()));
      return Main.FAILED;
    }
    return r.health().equals(BackupStatus.WARNING) ? Main.PARTIAL : Main.OK;
  }

  private void print(BackupStatus.Report r) {
    console.out.println("health: " + r.health());
    for (BackupStatus.Reason reason : r.reasons()) {
      console.out.println(
          "  "
              + reason.severity()
              + " "
              + reason.code()
              + ": "
              + TerminalText.escape(reason.message()));
    }
    console.out.println("repository: " + TerminalText.escape(r.repository()));
    SnapshotInfo last = r.lastBackup();
    console.out.println(
        "last backup: "
            + (last == null
                ? "none"
                : last.shortId()
                    + " at "
                    + SnapshotsCommand.localTime(last.time())
                    + (last.files() < 0 ? "" : ", " + Console.plural(last.files(), "file"))
                    + (last.size() < 0 ? "" : ", " + Console.bytes(last.size()))
                    + (last.partial() ? " (partial)" : "")));
    BackupStatus.Storage s = r.storage();
    if (s.repositoryBytes() >= 0) {
      console.out.println(
          "storage: "
              + Console.bytes(s.repositoryBytes())
              + " in "
              + Console.plural(s.snapshots(), "snapshot")
              + (s.totalBytes() < 0
                  ? ""
                  : "; "
                      + Console.bytes(s.freeBytes())
                      + " of "
                      + Console.bytes(s.totalBytes())
                      + " free ("
                      + s.freePercent()
                      + "%)"));
    }
    if (r.locks().held() > 0) {
      console.out.println(
          "locks: "
              + r.locks().held()
              + " held, "
              + r.locks().stale().size()
              + " left by processes that are gone");
    }
    console.out.println(
        "failures in the last 7 days: " + r.failuresLast7Days() + "; recent activity:");
    if (r.recent().isEmpty()) {
      console.out.println("  none recorded on this machine");
    }
    for (RunHistory.Entry e : r.recent()) {
      console.out.println("  " + line(e));
    }
  }

  private static String line(RunHistory.Entry e) {
    StringBuilder b =
        new StringBuilder(SnapshotsCommand.localTime(e.started()))
            .append("  ")
            .append(String.format("%-7s  %-9s", e.operation(), e.outcome()));
    if (e.errorCode() != null) {
      b.append("  ").append(e.errorCode());
    }
    if (e.snapshot() != null) {
      b.append("  snapshot ").append(e.snapshot());
    }
    if (e.files() > 0) {
      b.append("  ").append(Console.plural(e.files(), "file"));
    }
    if (e.bytes() > 0) {
      b.append("  ").append(Console.bytes(e.bytes()));
    }
    return b.toString().stripTrailing();
  }
}
