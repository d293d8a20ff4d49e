package org.bdr.mcp;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bdr.app.ListSnapshots;
import org.bdr.auth.Operation;

/** {@code list_backups}: the use case behind {@code bdr snapshots}, one page at a time. */
final class ListBackupsTool implements AssistantTool {

  private final Served served;

  ListBackupsTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "list_backups";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.LIST;
  }

  @Override
  public ToolOutcome call(ToolCall call) throws Exception {
    ListSnapshots.Query query = query(call.arguments());
    ListSnapshots.Page page = new ListSnapshots(served.opener()).page(served.repository(), query);
    Map<String, Object> out = structured(page);
    String text =
        page.snapshots().size()
            + " of "
            + page.matching()
            + " matching snapshots ("
            + page.totals().snapshots()
            + " in the repository, "
            + page.totals().storedBytes()
            + " bytes stored)"
            + (page.nextCursor() == null ? "." : "; more with cursor " + page.nextCursor() + ".");
    return new ToolOutcome(out, text);
  }

  /** The page as structured content. */
  static Map<String, Object> structured(ListSnapshots.Page page) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("snapshots", page.snapshots().stream().map(Structured::of).toList());
    out.put("nextCursor", page.nextCursor());
    out.put("matching", page.matching());
    out.put("totals", Structured.of(page.totals()));
    out.put("problems", page.problems());
    return out;
  }

  /** The query the arguments describe. */
  static ListSnapshots.Query query(Arguments args) {
    ZoneId zone = ZoneId.systemDefault();
    String from = args.string("from", null);
    String to = args.string("to", null);
    return new ListSnapshots.Query(
        args.choice("type", null, List.of("incremental", "full")),
        args.string("label", null),
        args.string("path", null),
        from == null ? null : ListSnapshots.Query.time("from", from, false, zone),
        to == null ? null : ListSnapshots.Query.time("to", to, true, zone),
        "size".equals(args.choice("sort", "date", List.of("date", "size")))
            ? ListSnapshots.Query.Sort.SIZE
            : ListSnapshots.Query.Sort.DATE,
        "desc".equals(args.choice("order", "desc", List.of("asc", "desc"))),
        args.integer("limit", ListSnapshots.Query.DEFAULT_LIMIT, 1, ListSnapshots.Query.MAX_LIMIT),
        args.string("cursor", null));
  }
}
