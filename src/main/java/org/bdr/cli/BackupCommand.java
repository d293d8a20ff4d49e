package org.bdr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bdr.app.CreateBackup;
import org.bdr.app.ScanForPhi;
import org.bdr.backup.BackupResult;
import org.bdr.backup.BackupType;
import org.bdr.backup.PhiCheck;
import org.bdr.backup.PhiPolicy;
import org.bdr.backup.SkippedFile;
import org.bdr.phi.Sensitivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bdr backup PATH...}. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Back up files and folders into the repository.")
final class BackupCommand extends BaseCommand {

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "files and folders to back up")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "leave out matching entries")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "incremental (default: reuse unchanged files) or full (read every file)")
  String type = "incremental";

  @Option(names = "--label", paramLabel = "TEXT", description = "a label for the snapshot")
  String label;

  @Option(
      names = "--phi-scan",
      description =
          "scan every file read, and every folder name, for protected health information; the"
              + " findings summary (types, counts, paths; never the values) is stored with the"
              + " snapshot")
  boolean phiScan;

  @Option(
      names = "--phi-policy",
      paramLabel = "POLICY",
      description =
          "report (default), tag (also tag a snapshot with findings 'phi'), or block (keep files"
              + " with findings, or that cannot be scanned, and folders whose names have findings"
              + " out of the backup); implies --phi-scan")
  String phiPolicy;

  @Option(
      names = "--phi-sensitivity",
      paramLabel = "LEVEL",
      description = "low, medium (default) or high; implies --phi-scan")
  String phiSensitivity;

  /** How many unreadable files the text summary lists; --json lists all. */
  private static final int LISTED = 20;

  @Override
  int execute() throws Exception {
    BackupType backupType = BackupType.parse(type);
    PhiCheck phi = phiCheck();
    CreateBackup.Outcome o =
        noticeIfStopped(
            "backup interrupted — no snapshot was saved; the repository is intact and the data"
                + " stored so far is reused by the next backup",
            () -> {
              try (ProgressBar bar = new ProgressBar(console.err, console.interactive)) {
                return new CreateBackup(opener)
                    .run(
                        new CreateBackup.Request(
                            options.repository(), paths, excludes, backupType, label, phi),
                        bar,
                        () -> false);
              }
            });
    console.notice(o.notice());
    BackupResult r = o.result();
    if (console.json) {
      console.printJson(o);
    } else {
      printSummary(r, backupType);
    }
    return r.partial() ? Main.PARTIAL : Main.OK;
  }

  /** The PHI scan asked for, or null; a policy or sensitivity alone asks for it too. */
  private PhiCheck phiCheck() {
    if (!phiScan && phiPolicy == null && phiSensitivity == null) {
      return null;
    }
    PhiPolicy policy = phiPolicy == null ? PhiPolicy.REPORT : PhiPolicy.parse(phiPolicy);
    Sensitivity sensitivity =
        phiSensitivity == null ? Sensitivity.MEDIUM : ScanForPhi.sensitivity(phiSensitivity);
    return new PhiCheck(policy, sensitivity);
  }

  private void printSummary(BackupResult r, BackupType backupType) {
    var out = console.out;
    out.println(
        "snapshot "
            + r.snapshot().shortHex()
            + " saved ("
            + backupType.label()
            + (r.parent() == null
                ? ", first of these sources"
                : ", parent " + r.parent().shortHex())
            + ")");
    out.println(
        "files: "
            + r.filesNew()
            + " new, "
            + r.filesChanged()
            + " changed, "
            + r.filesUnchanged()
            + " unchanged; "
            + Console.plural(r.dirs(), "folder"));
    out.println(
        "read "
            + Console.bytes(r.bytesRead())
            + ", added "
            + Console.bytes(r.bytesAdded())
            + " to the repository, in "
            + Console.seconds(r.durationMillis()));
    for (SkippedFile f : r.changedWhileRead()) {
      out.println("changed while read (stored as last read): " + TerminalText.escape(f.path()));
    }
    if (r.phi() != null) {
      PhiSummaryText.print(out, r, LISTED);
    }
    if (!r.unreadable().isEmpty()) {
      out.println(
          "partial: " + Console.plural(r.unreadable().size(), "file") + " could not be read:");
      r.unreadable().stream()
          .limit(LISTED)
          .forEach(f -> out.println("  " + TerminalText.escape(f.path()) + ": " + f.reason()));
      if (r.unreadable().size() > LISTED) {
        out.println("  … and " + (r.unreadable().size() - LISTED) + " more (all are in --json)");
      }
    }
  }
}
