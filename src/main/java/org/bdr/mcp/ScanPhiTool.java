package org.bdr.mcp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bdr.app.ScanForPhi;
import org.bdr.auth.Operation;
import org.bdr.phi.Finding;
import org.bdr.phi.ScanReport;

/**
 * {@code scan_phi}: the use case behind {@code bdr scan-phi}. Findings name files by their safe
 * path (name parts holding identifiers replaced by their type) and never carry matched text.
 */
final class ScanPhiTool implements AssistantTool {

  @Override
  public String name() {
    return "scan_phi";
  }

  @Override
  public Operation operation(Arguments arguments) {
    return Operation.SCAN_PHI;
  }

  @Override
  public ToolOutcome call(ToolCall call) {
    Arguments args = call.arguments();
    List<Path> paths = args.paths("paths");
    if (paths.isEmpty()) {
      throw Arguments.invalid(
          "argument 'paths' must name at least one file or folder", "give 'paths'");
    }
    var sensitivity =
        ScanForPhi.sensitivity(
            args.choice("sensitivity", "medium", List.of("low", "medium", "high")));
    int limit = args.integer("maxFindings", 100, 0, 1000);
    ScanReport r = new ScanForPhi().run(paths, sensitivity, false, call.cancellation());

    Map<String, Object> byType = new LinkedHashMap<>();
    r.countsByType().forEach((type, n) -> byType.put(type.name(), n));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sensitivity", sensitivity.name().toLowerCase(java.util.Locale.ROOT));
    out.put("filesScanned", r.filesScanned());
    out.put("skippedBinaries", r.skippedBinaries().size());
    out.put(
        "errors",
        r.errors().stream()
            .map(e -> Map.<String, Object>of("path", e.path(), "reason", e.reason()))
            .toList());
    out.put("findingsTotal", r.findings().size());
    out.put("countsByType", byType);
    out.put(
        "countsByFile",
        r.countsByFile().stream()
            .limit(limit)
            .map(f -> Map.<String, Object>of("path", f.safePath(), "findings", f.findings()))
            .toList());
    out.put("findings", r.findings().stream().limit(limit).map(ScanPhiTool::finding).toList());
    out.put("truncated", r.findings().size() > limit || r.countsByFile().size() > limit);
    String text =
        r.findings().isEmpty()
            ? "No PHI found in " + r.filesScanned() + " files."
            : r.findings().size()
                + " possible identifiers in "
                + r.countsByFile().size()
                + " of "
                + r.filesScanned()
                + " files; by type: "
                + byType;
    return new ToolOutcome(out, text);
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", f.path());
    m.put("line", f.line());
    m.put("field", f.field());
    m.put("type", f.type().name());
    m.put("confidence", f.confidence());
    return m;
  }
}
