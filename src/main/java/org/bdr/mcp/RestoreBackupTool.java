package org.bdr.mcp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bdr.app.RestoreSnapshot;
import org.bdr.auth.Operation;
import org.bdr.restore.RestoreResult;

/**
 * {@code restore_backup}: the use cases behind {@code bdr restore}, a plan on a dry run (the
 * default) and a restore into a new or empty folder otherwise. Restoring over existing files needs
 * the safe restore (plan, confirmation, safety backup), which bdr does not have yet; the use case
 * refuses it with RESTORE_CONFLICT.
 */
final class RestoreBackupTool implements AssistantTool {

  private final Served served;

  RestoreBackupTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "restore_backup";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return arguments.bool("dryRun", true) ? Operation.RESTORE_DRY_RUN : Operation.RESTORE;
  }

  @Override
  public ToolOutcome call(ToolCall call) throws Exception {
    Arguments args = call.arguments();
    String ref = args.requiredString("backupId");
    Path destination = args.requiredPath("destination");
    boolean dryRun = args.bool("dryRun", true);
    List<String> include = args.strings("include");
    List<String> sources = args.paths("sourcePath").stream().map(Path::toString).toList();
    int limit = args.integer("maxPlanEntries", 100, 0, 1000);
    RestoreSnapshot restore = new RestoreSnapshot(served.opener());
    Map<String, Object> out = new LinkedHashMap<>();
    if (dryRun) {
      RestoreSnapshot.Plan plan =
          restore.plan(served.repository(), ref, sources, destination, include, limit);
      out.put("dryRun", true);
      out.put("backupId", plan.snapshot());
      out.put("destination", plan.target());
      out.put("plan", Structured.of(plan));
      out.put("restored", null);
      return new ToolOutcome(out, planText(plan));
    }
    RestoreSnapshot.Outcome o =
        restore.run(
            served.repository(),
            ref,
            sources,
            destination,
            include,
            new Bytes(call),
            call.cancellation());
    RestoreResult r = o.result();
    out.put("dryRun", false);
    out.put("backupId", o.snapshot());
    out.put("destination", o.target());
    out.put("plan", null);
    out.put("restored", Structured.of(r));
    String text =
        "Restored "
            + r.files()
            + " files ("
            + r.bytes()
            + " bytes) of snapshot "
            + o.snapshot().substring(0, 8)
            + " into "
            + o.target()
            + (r.failed().isEmpty()
                ? "."
                : "; " + r.failed().size() + " files FAILED (see failed).");
    return new ToolOutcome(out, text);
  }

  private static String planText(RestoreSnapshot.Plan p) {
    return "Dry run of snapshot "
        + p.snapshot().substring(0, 8)
        + " into "
        + p.target()
        + " ("
        + p.targetState()
        + "): "
        + p.files()
        + " files, "
        + p.bytes()
        + " bytes; "
        + p.conflicts()
        + " would overwrite existing entries, "
        + p.identical()
        + " identical. Nothing was written."
        + (p.targetState().equals("not-empty")
            ? " The destination already holds files: a real restore into it is refused until"
                + " bdr has the safe restore (confirmation and a safety backup); restore into a"
                + " new or empty folder instead."
            : "");
  }

  /** Restore progress: bytes written so far. */
  private static final class Bytes implements java.util.function.LongConsumer {
    private final ToolCall call;
    private long done;

    Bytes(ToolCall call) {
      this.call = call;
    }

    @Override
    public synchronized void accept(long bytes) {
      done += bytes;
      call.progress(done, null, "restored " + done + " bytes");
    }
  }
}
