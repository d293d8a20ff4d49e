package org.bdr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bdr.app.RestoreSnapshot;
import org.bdr.restore.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bdr restore SNAPSHOT --target DIR [--dry-run [--limit N]]}. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a snapshot into a new or empty folder, or show with --dry-run what a restore"
            + " into any folder would create, overwrite and skip.")
final class RestoreCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot id, prefix or latest")
  String snapshot;

  @Option(
      names = {"-t", "--target"},
      required = true,
      paramLabel = "DIR",
      description = "folder to restore into (new or empty)")
  Path target;

  @Option(names = "--include", paramLabel = "GLOB", description = "restore only matching files")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--path",
      paramLabel = "SOURCE",
      description = "with latest: the newest snapshot that backed up SOURCE (repeatable)")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--dry-run",
      description = "only show the plan: per entry create, overwrite or skip; writes nothing")
  boolean dryRun;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "with --dry-run: entries to show (default ${DEFAULT-VALUE}); totals count all")
  int limit;

  @Override
  int execute() throws Exception {
    if (dryRun) {
      RestoreSnapshot.Plan plan =
          new RestoreSnapshot(opener)
              .plan(options.repository(), snapshot, sources, target, includes, limit);
      if (console.json) {
        console.printJson(plan);
      } else {
        PlanText.print(plan, console.out);
      }
      return Main.OK;
    }
    RestoreSnapshot.Outcome o =
        noticeIfStopped(
            "restore interrupted — only the files completed so far are in "
                + target
                + "; restore again into a new or empty folder",
            () ->
                new RestoreSnapshot(opener)
                    .run(
                        options.repository(),
                        snapshot,
                        sources,
                        target,
                        includes,
                        n -> {},
                        () -> false));
    RestoreResult r = o.result();
    if (console.json) {
      console.printJson(o);
    } else {
      console.out.println(
          "restored snapshot "
              + o.snapshot().substring(0, 8)
              + " to "
              + o.target()
              + ": "
              + Console.plural(r.files(), "file")
              + ", "
              + Console.plural(r.dirs(), "folder")
              + (r.symlinks() == 0 ? "" : ", " + Console.plural(r.symlinks(), "symlink"))
              + ", "
              + Console.bytes(r.bytes())
              + " in "
              + Console.seconds(r.durationMillis())
              + (r.failed().isEmpty()
                  ? ""
                  : "; " + r.failed().size() + " file(s) NOT restored (listed on stderr)"));
      for (RestoreResult.FailedFile f : r.skipped()) {
        console.out.println(
            "skipped " + TerminalText.escape(f.path()) + ": " + TerminalText.escape(f.reason()));
      }
      for (RestoreResult.FailedFile f : r.failed()) {
        console.err.println(
            "bdr: "
                + TerminalText.escape(f.path())
                + " could not be restored: "
                + TerminalText.escape(f.reason()));
      }
    }
    if (!r.failed().isEmpty()) {
      if (!console.json) {
        boolean damaged =
            r.failed().stream().anyMatch(f -> f.reason().contains("BACKUP_CORRUPTED"));
        console.err.println(
            "bdr: "
                + (damaged ? "BACKUP_CORRUPTED: " : "")
                + r.failed().size()
                + " file(s) could not be restored (reasons above) — "
                + (damaged
                    ? "run 'bdr check --read-data' and restore damaged files from another snapshot"
                    : "fix what the reasons name, then restore again into a new folder"));
      }
      return Main.FAILED;
    }
    return Main.OK;
  }
}
