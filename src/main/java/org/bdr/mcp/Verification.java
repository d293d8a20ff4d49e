package org.bdr.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bdr.app.CheckRepository;
import org.bdr.backup.BackupResult;
import org.bdr.check.CheckResult;

/** The check that {@code create_backup} runs on request after writing a snapshot. */
final class Verification {

  private Verification() {}

  /** Deep-checks the new snapshot's data and describes the outcome. */
  static Map<String, Object> of(Served served, ToolCall call, BackupResult backup)
      throws Exception {
    // The checker reports each pack's size as it reads it; progress goes on from the backup's.
    AtomicLong verified = new AtomicLong();
    long backed = backup.totalBytes();
    CheckResult r =
        new CheckRepository(served.opener())
            .run(
                served.repository(),
                backup.snapshot().hex(),
                true,
                bytes -> {
                  long sum = verified.addAndGet(bytes);
                  call.progress(backed + sum, null, "verified " + sum + " bytes");
                },
                call.cancellation())
            .result();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", r.ok());
    out.put("errors", r.errors());
    out.put("warnings", r.warnings());
    return out;
  }
}
