package org.bdr.cli;

import java.io.PrintStream;
import org.bdr.app.RestoreSnapshot;

/** A restore plan as a table for people: the first entries, then the totals. */
final class PlanText {

  private PlanText() {}

  static void print(RestoreSnapshot.Plan plan, PrintStream out) {
    out.println(
        "restore plan for snapshot "
            + plan.snapshot().substring(0, 8)
            + " into "
            + TerminalText.escape(plan.target())
            + " (target "
            + plan.targetState()
            + "); dry run, nothing was written");
    if (!plan.entries().isEmpty()) {
      out.printf("%-9s  %-7s  %10s  %-26s  %s%n", "ACTION", "TYPE", "SIZE", "MODIFIED", "PATH");
    }
    for (RestoreSnapshot.PlanEntry e : plan.entries()) {
      out.printf(
          "%-9s  %-7s  %10s  %-26s  %s%s%n",
          e.action(),
          e.type(),
          e.type().equals("file") ? Long.toString(e.size()) : "",
          e.mtime() == null ? "" : SnapshotsCommand.localTime(e.mtime()),
          TerminalText.escape(e.path()),
          existing(e));
    }
    if (plan.truncated()) {
      out.println("… more entries not shown (--limit N shows more)");
    }
    out.println(
        Console.plural(plan.files(), "file")
            + ", "
            + Console.bytes(plan.bytes())
            + "; "
            + Console.plural(plan.conflicts(), "conflict")
            + " (would overwrite); "
            + plan.identical()
            + " identical (would skip)");
    if (plan.targetState().equals("not-empty")) {
      out.println(
          "the target already holds files: restoring into it needs the safe restore"
              + " (confirmation and a safety backup), which bdr does not have yet; restore into a"
              + " new or empty folder instead");
    }
  }

  /** What is in the target now, for entries that meet something there. */
  private static String existing(RestoreSnapshot.PlanEntry e) {
    if (e.existingMtime() == null || e.action().equals(RestoreSnapshot.SKIP)) {
      return "";
    }
    return "  (in target: "
        + (e.existingSize() == null ? "not a file" : e.existingSize() + " bytes")
        + ", modified "
        + SnapshotsCommand.localTime(e.existingMtime())
        + ")";
  }
}
