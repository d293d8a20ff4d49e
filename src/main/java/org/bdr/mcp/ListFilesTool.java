package org.bdr.mcp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bdr.app.FileEntry;
import org.bdr.app.ListFiles;
import org.bdr.auth.Operation;

/**
 * {@code list_files}: the use case behind {@code bdr ls}, one page at a time. A snapshot never
 * changes, so the cursor is simply where the next page starts in the listing's fixed order. File
 * names can hold patients' names: listing them takes the role that may plan a restore.
 */
final class ListFilesTool implements AssistantTool {

  private final Served served;

  ListFilesTool(Served served) {
    this.served = served;
  }

  @Override
  public String name() {
    return "list_files";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.RESTORE_DRY_RUN;
  }

  @Override
  public ToolOutcome call(ToolCall call) throws Exception {
    Arguments args = call.arguments();
    String ref = args.requiredString("backupId");
    List<String> sources = args.paths("sourcePath").stream().map(Path::toString).toList();
    String under = args.string("under", null);
    if (under != null && !Path.of(under).isAbsolute()) {
      throw Arguments.invalid(
          "argument 'under' must be an absolute folder path inside the snapshot",
          "give 'under' as an absolute path, e.g. one of the snapshot's source paths");
    }
    int limit = args.integer("limit", 200, 1, 1000);
    int from = start(args.string("cursor", null));

    ListFiles.Listing listing =
        new ListFiles(served.opener()).run(served.repository(), ref, sources, under);
    List<FileEntry> all = listing.entries();
    if (from > all.size()) {
      throw Arguments.invalid(
          "argument 'cursor' is past the end of this listing",
          "repeat the listing without a cursor");
    }
    int to = Math.min(all.size(), from + limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("backupId", listing.snapshot());
    out.put("entries", all.subList(from, to).stream().map(Structured::of).toList());
    out.put("total", all.size());
    out.put("nextCursor", to < all.size() ? Integer.toString(to) : null);
    String text =
        "Entries "
            + (all.isEmpty() ? 0 : from + 1)
            + "–"
            + to
            + " of "
            + all.size()
            + " in snapshot "
            + listing.snapshot().substring(0, 8)
            + (to < all.size() ? "; more with cursor " + to + "." : ".");
    return new ToolOutcome(out, text);
  }

  private static int start(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(cursor.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Answered below.
    }
    throw Arguments.invalid(
        "argument 'cursor' is not a cursor of list_files", "repeat the listing without a cursor");
  }
}
