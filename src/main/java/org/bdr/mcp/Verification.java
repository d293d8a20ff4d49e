package org.bdr.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bdr.app.CheckRepository;
import org.bdr.backup.BackupResult;
import org.bdr.check.CheckResult;

/** The check that {@code create_backup} runs on request after writing a snapshot. */
final class Verification {

  private Verification() {}

  /** Deep-checks the new snapshot's data and describes the outcome. */
  static Map<String, Object> of(Served served, ToolCall call, BackupResult backup)
      throws Exception {
    CheckResult r =
        new CheckRepository(served.opener())
            .run(
                served.repository(),
                backup.snapshot().hex(),
                true,
                bytes -> call.progress(bytes, null, "verified " + bytes + " bytes"),
                call.cancellation())
            .result();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", r.ok());
    out.put("errors", r.errors());
    out.put("warnings", r.warnings());
    return out;
  }
}
