package org.bdr.mcp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bdr.app.CreateBackup;
import org.bdr.app.ScanForPhi;
import org.bdr.auth.Operation;
import org.bdr.backup.BackupProgress;
import org.bdr.backup.BackupResult;
import org.bdr.backup.BackupType;
import org.bdr.backup.PhiCheck;
import org.bdr.backup.PhiPolicy;
import org.bdr.backup.SkippedFile;
import org.bdr.repo.PhiFacts;

/** {@code create_backup}: the use case behind {@code bdr backup}. */
final class CreateBackupTool implements AssistantTool {

  private final Served served;

  CreateBackupTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "create_backup";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.BACKUP;
  }

  @Override
  public ToolOutcome call(ToolCall call) throws Exception {
    Arguments args = call.arguments();
    List<Path> sources = args.paths("sources");
    if (sources.isEmpty()) {
      throw Arguments.invalid(
          "argument 'sources' must name at least one file or folder", "give 'sources'");
    }
    BackupType type = BackupType.parse(args.choice("type", "incremental", TYPES));
    String label = args.string("label", null);
    List<String> excludes = args.strings("excludePatterns");
    boolean verify = args.bool("verify", false);
    PhiCheck phi = phiCheck(args);

    CreateBackup.Outcome o =
        new CreateBackup(served.opener())
            .run(
                new CreateBackup.Request(served.repository(), sources, excludes, type, label, phi),
                new Progress(call),
                call.cancellation());
    BackupResult r = o.result();
    Map<String, Object> verification = verify ? Verification.of(served, call, r) : null;
    String text = text(r, verification);
    // The one-time notice (a new repository and where its password is) must reach the person.
    return new ToolOutcome(
        structured(o, type, label, verification),
        o.notice() == null ? text : o.notice() + "\n" + text);
  }

  private static final List<String> TYPES = List.of("incremental", "full");

  /** The PHI scan asked for, or null; a policy or sensitivity without phiScan is refused. */
  private static PhiCheck phiCheck(Arguments args) {
    boolean scan = args.bool("phiScan", false);
    String policy = args.choice("phiPolicy", null, List.of("report", "tag", "block"));
    String sensitivity = args.choice("phiSensitivity", null, List.of("low", "medium", "high"));
    if (!scan) {
      if (policy != null || sensitivity != null) {
        throw Arguments.invalid(
            "argument 'phiPolicy' or 'phiSensitivity' was given without 'phiScan'",
            "add phiScan: true, or leave them out");
      }
      return null;
    }
    return new PhiCheck(
        PhiPolicy.parse(policy == null ? "report" : policy),
        ScanForPhi.sensitivity(sensitivity == null ? "medium" : sensitivity));
  }

  private static Map<String, Object> structured(
      CreateBackup.Outcome o, BackupType type, String label, Map<String, Object> verification) {
    BackupResult r = o.result();
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("new", r.filesNew());
    files.put("changed", r.filesChanged());
    files.put("unchanged", r.filesUnchanged());
    files.put("total", r.files());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("snapshotId", r.snapshot().hex());
    out.put("shortId", r.snapshot().shortHex());
    out.put("parentId", r.parent() == null ? null : r.parent().hex());
    out.put("type", type.label());
    out.put("label", label);
    out.put("files", files);
    out.put("folders", r.dirs());
    out.put("bytesRead", r.bytesRead());
    out.put("bytesAdded", r.bytesAdded());
    out.put("totalBytes", r.totalBytes());
    out.put("durationMillis", r.durationMillis());
    out.put("partial", r.partial());
    out.put("unreadable", skipped(r.unreadable()));
    out.put("changedWhileRead", r.changedWhileRead().stream().map(SkippedFile::path).toList());
    out.put("phi", phi(r.phi()));
    out.put("blocked", blockedEntries(r.blocked()));
    out.put("notScanned", skipped(r.notScanned()));
    out.put("verification", verification);
    out.put("repository", o.repository());
    out.put("notice", o.notice());
    return out;
  }

  private static List<Map<String, Object>> skipped(List<SkippedFile> files) {
    return files.stream()
        .map(f -> Map.<String, Object>of("path", f.path(), "reason", f.reason()))
        .toList();
  }

  /** The files and folders the block policy kept out: path, reason, and whether a folder. */
  private static List<Map<String, Object>> blockedEntries(List<SkippedFile> blocked) {
    return blocked.stream()
        .map(
            f ->
                Map.<String, Object>of(
                    "path", f.path(), "reason", f.reason(), "folder", f.folder()))
        .toList();
  }

  /** The scan's summary: counts only, no paths. */
  private static Map<String, Object> phi(PhiFacts facts) {
    if (facts == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policy", facts.policy());
    out.put("sensitivity", facts.sensitivity());
    out.put("files", facts.files());
    out.put("folders", facts.folders());
    out.put("findings", facts.findings());
    out.put("byType", facts.byType());
    out.put("blocked", facts.blocked());
    out.put("notScanned", facts.notScanned());
    out.put("tagged", facts.tagged());
    return out;
  }

  private static String text(BackupResult r, Map<String, Object> verification) {
    StringBuilder s =
        new StringBuilder()
            .append("Snapshot ")
            .append(r.snapshot().shortHex())
            .append(" saved: ")
            .append(r.files())
            .append(" files (")
            .append(r.filesNew())
            .append(" new, ")
            .append(r.filesChanged())
            .append(" changed, ")
            .append(r.filesUnchanged())
            .append(" unchanged), ")
            .append(r.bytesAdded())
            .append(" bytes added.");
    if (!r.unreadable().isEmpty()) {
      s.append(" Partial: ").append(r.unreadable().size()).append(" files could not be read.");
    }
    if (r.phi() != null) {
      s.append(" PHI scan: ")
          .append(r.phi().findings())
          .append(" possible identifiers in ")
          .append(r.phi().files())
          .append(" files")
          .append(r.phi().folders() == 0 ? "" : " and " + r.phi().folders() + " folder names")
          .append(r.blocked().isEmpty() ? "" : "; " + blocked(r.blocked()) + " BLOCKED")
          .append('.');
    }
    if (verification != null) {
      s.append(
          Boolean.TRUE.equals(verification.get("ok"))
              ? " Verified: every pack it uses read back intact."
              : " Verification FAILED: see verification.errors.");
    }
    return s.toString();
  }

  /** "2 files", or "2 files and 1 folders" when the block policy kept folders out too. */
  private static String blocked(List<SkippedFile> blocked) {
    long folders = blocked.stream().filter(SkippedFile::folder).count();
    return (blocked.size() - folders)
        + " files"
        + (folders == 0 ? "" : " and " + folders + " folders");
  }

  /** Backup progress as MCP progress: bytes processed of the bytes found so far. */
  private static final class Progress implements BackupProgress {
    private final ToolCall call;
    private long total;
    private long done;

    Progress(ToolCall call) {
      this.call = call;
    }

    @Override
    public boolean wantsTotals() {
      return true;
    }

    @Override
    public synchronized void total(long files, long bytes, boolean scanDone) {
      total = bytes;
      report();
    }

    @Override
    public synchronized void bytesProcessed(long bytes) {
      done += bytes;
      report();
    }

    private void report() {
      call.progress(
          done, total == 0 ? null : (double) Math.max(total, done), "backed up " + done + " bytes");
    }
  }
}
