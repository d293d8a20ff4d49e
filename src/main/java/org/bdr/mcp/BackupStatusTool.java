package org.bdr.mcp;

import org.bdr.app.BackupStatus;
import org.bdr.auth.Operation;

/** {@code get_backup_status}: the use case behind {@code bdr status}. */
final class BackupStatusTool implements AssistantTool {

  private final Served served;

  BackupStatusTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "get_backup_status";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.STATUS;
  }

  @Override
  public ToolOutcome call(ToolCall call) {
    BackupStatus.Report r = new BackupStatus(served.opener()).run(served.repository());
    return new ToolOutcome(Structured.of(r), text(r));
  }

  /** The health in a few sentences. */
  static String text(BackupStatus.Report r) {
    StringBuilder s = new StringBuilder("Backup health: ").append(r.health()).append('.');
    for (BackupStatus.Reason reason : r.reasons()) {
      s.append(' ').append(reason.severity()).append(": ").append(reason.message()).append('.');
    }
    if (r.lastBackup() != null) {
      s.append(" Last backup: ")
          .append(r.lastBackup().shortId())
          .append(" at ")
          .append(r.lastBackup().time())
          .append('.');
    }
    return s.toString();
  }
}
