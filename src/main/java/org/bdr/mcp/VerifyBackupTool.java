package org.bdr.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bdr.app.CheckRepository;
import org.bdr.auth.Operation;
import org.bdr.check.CheckResult;

/** {@code verify_backup}: the use case behind {@code bdr check [--snapshot ID] [--read-data]}. */
final class VerifyBackupTool implements AssistantTool {

  private final Served served;

  VerifyBackupTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "verify_backup";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.VERIFY;
  }

  @Override
  public ToolOutcome call(ToolCall call) throws Exception {
    Arguments args = call.arguments();
    String ref = args.string("backupId", null);
    boolean deep = "deep".equals(args.choice("mode", "quick", List.of("quick", "deep")));
    // The checker reports each pack's size as it reads it; progress counts them all.
    AtomicLong verified = new AtomicLong();
    CheckRepository.Outcome o =
        new CheckRepository(served.opener())
            .run(
                served.repository(),
                ref,
                deep,
                bytes -> {
                  long sum = verified.addAndGet(bytes);
                  call.progress(sum, null, "verified " + sum + " bytes of pack data");
                },
                call.cancellation());
    CheckResult r = o.result();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scope", o.snapshot() == null ? "all" : "snapshot");
    out.put("backupId", o.snapshot());
    out.put("mode", deep ? "deep" : "quick");
    out.put("ok", r.ok());
    out.put("checkedSnapshots", r.checkedSnapshots());
    out.put("trees", r.trees());
    out.put("blobs", r.blobs());
    out.put("packs", r.packs());
    out.put("packsRead", r.packsRead());
    out.put("bytesRead", r.bytesRead());
    out.put("errors", r.errors());
    out.put("warnings", r.warnings());
    out.put("damagedPacks", r.damagedPacks());
    out.put("affectedSnapshots", r.affectedSnapshots());
    out.put("repository", o.repository());
    String what =
        (o.snapshot() == null
                ? r.checkedSnapshots().size() + " snapshots"
                : "snapshot " + o.snapshot().substring(0, 8))
            + (deep ? " (deep: " + r.packsRead() + " packs read back)" : " (quick: structure)");
    String text =
        r.ok()
            ? "Verified " + what + ": no errors" + warnings(r) + "."
            : "Verification of "
                + what
                + " FOUND "
                + r.errors().size()
                + " errors; affected snapshots: "
                + r.affectedSnapshots()
                + ".";
    return new ToolOutcome(out, text);
  }

  private static String warnings(CheckResult r) {
    return r.warnings().isEmpty() ? "" : ", " + r.warnings().size() + " warnings";
  }
}
