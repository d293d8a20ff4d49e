package org.bdr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bdr.app.ScanForPhi;
import org.bdr.phi.FileCount;
import org.bdr.phi.Finding;
import org.bdr.phi.IdentifierType;
import org.bdr.phi.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bdr scan-phi PATH...}. */
@Command(
    name = "scan-phi",
    mixinStandardHelpOptions = true,
    description =
        "Find protected health information in files and folders. Reports where and of which"
            + " type; never the values.")
final class ScanPhiCommand extends StandaloneCommand {

  private static final int LISTED = 20;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "files and folders to scan")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--sensitivity",
      paramLabel = "LEVEL",
      description =
          "low (validated or labelled values only), medium (default), or high (also bare numbers"
              + " that could be identifiers; more false alarms)")
  String sensitivity = "medium";

  @Option(
      names = "--hints",
      description = "at high sensitivity, show masked hints such as ***-**-1234 for SSNs")
  boolean hints;

  @Override
  int execute() {
    ScanReport r = new ScanForPhi().run(paths, ScanForPhi.sensitivity(sensitivity), hints);
    int code = r.errors().isEmpty() ? Main.OK : Main.PARTIAL;
    if (console.json) {
      console.printJson(r);
      return code;
    }
    var out = console.out;
    out.println(
        "scanned "
            + Console.plural(r.filesScanned(), "file")
            + "; "
            + r.skippedBinaries().size()
            + " binary skipped; "
            + Console.plural(r.errors().size(), "error")
            + "; "
            + Console.plural(r.findings().size(), "finding"));
    if (!r.countsByType().isEmpty()) {
      out.println("by type:");
      for (Map.Entry<IdentifierType, Long> e : r.countsByType().entrySet()) {
        out.printf("  %-14s %8d%n", e.getKey(), e.getValue());
      }
      out.println("by file (names that hold identifiers are shown by type):");
      r.countsByFile().stream()
          .limit(LISTED)
          .forEach(
              (FileCount f) ->
                  out.printf("  %8d  %s%n", f.findings(), TerminalText.escape(f.safePath())));
      if (r.countsByFile().size() > LISTED) {
        out.println("  … and " + (r.countsByFile().size() - LISTED) + " more files (see --json)");
      }
    }
    if (hints) {
      printHints(r);
    }
    r.errors()
        .forEach(
            e -> out.println("not scanned: " + TerminalText.escape(e.path()) + ": " + e.reason()));
    return code;
  }

  /** The masked hints, which the scanner gives only at high sensitivity and for some types. */
  private void printHints(ScanReport r) {
    var out = console.out;
    if (!sensitivity.equalsIgnoreCase("high")) {
      out.println("hints: none — masked hints are given only with --sensitivity high");
      return;
    }
    List<Finding> hinted = r.findings().stream().filter(f -> f.hint() != null).toList();
    out.println(
        "hints: "
            + Console.plural(hinted.size(), "masked value")
            + " (SSN and account numbers only)");
    hinted.stream()
        .limit(LISTED)
        .forEach(
            f ->
                out.printf(
                    "  %-14s %-16s %s line %d%n",
                    f.type(), f.hint(), TerminalText.escape(f.path()), f.line()));
    if (hinted.size() > LISTED) {
      out.println("  … and " + (hinted.size() - LISTED) + " more (see --json)");
    }
  }
}
