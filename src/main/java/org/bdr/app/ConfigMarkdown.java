package org.bdr.app;

import java.util.List;
import org.bdr.app.ExportConfig.Config;
import org.bdr.app.ExportConfig.Retention;
import org.bdr.app.ExportConfig.Source;
import org.bdr.repo.GoQuote;

/** A backup configuration as a Markdown page: the repository, a table of sources, retention. */
final class ConfigMarkdown {

  private ConfigMarkdown() {}

  static String render(Config c) {
    StringBuilder md = new StringBuilder();
    md.append("# bdr backup configuration\n\n## Repository\n\n");
    md.append("- Location: ").append(code(c.repository().location())).append('\n');
    md.append("- Format version: ").append(c.repository().version()).append('\n');
    md.append("- Compression: ").append(c.repository().compression()).append('\n');
    md.append("- Id: ").append(code(c.repository().id())).append('\n');
    md.append("- Password source: ").append(c.repository().passwordSource()).append("\n\n");

    md.append("## Sources\n\n");
    if (c.sources().isEmpty()) {
      md.append("No backups yet.\n\n");
    } else {
      md.append("| Host | Paths | Excludes | Last backup | Snapshots | Label |\n");
      md.append("| --- | --- | --- | --- | --- | --- |\n");
      for (Source s : c.sources()) {
        md.append("| ")
            .append(cell(s.host()))
            .append(" | ")
            .append(codes(s.paths()))
            .append(" | ")
            .append(
                s.excludes() == null
                    ? "unknown"
                    : s.excludes().isEmpty() ? "none" : codes(s.excludes()))
            .append(" | ")
            .append(cell(s.lastBackup()))
            .append(" | ")
            .append(s.snapshots())
            .append(" | ")
            .append(s.label() == null ? "" : cell(s.label()))
            .append(" |\n");
      }
      md.append('\n');
    }

    Retention r = c.retention();
    md.append("## Retention\n\n");
    md.append("- Keep daily: ").append(r.keepDaily()).append('\n');
    md.append("- Keep weekly: ").append(r.keepWeekly()).append('\n');
    md.append("- Keep monthly: ").append(r.keepMonthly()).append('\n');
    md.append("- Protected snapshots are never removed: ").append(yes(r.protectedNeverRemoved()));
    md.append("\n- Snapshots holding PHI are kept longer: ").append(yes(r.phiKeptLonger()));
    md.append("\n- Forgotten snapshots go to a trash with a recovery window first: ")
        .append(yes(r.trashBeforePrune()));
    md.append("\n- Applied automatically: ").append(yes(r.applied()));
    md.append("\n- Status: ").append(cell(r.status())).append('\n');
    return md.toString();
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }

  private static String codes(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (String v : values) {
      out.append(out.length() == 0 ? "" : ", ").append(code(v));
    }
    return out.toString();
  }

  /** Inline code that survives backticks and pipes in the value. */
  private static String code(String v) {
    String flat = oneLine(v);
    String fence = flat.contains("`") ? "`` " : "`";
    return fence + flat + new StringBuilder(fence).reverse();
  }

  /** Text for a table cell or list item. */
  private static String cell(String v) {
    return oneLine(v);
  }

  /**
   * One line that prints as it reads: characters that do not print are Go escapes (a backslash
   * doubled, as bdr shows names everywhere), pipes are escaped for tables.
   */
  private static String oneLine(String v) {
    return GoQuote.escapeUnprintable(v).replace("|", "\\|");
  }
}
