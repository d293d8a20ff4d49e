package org.bdr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bdr.app.ScanForPhi;
import org.bdr.phi.FileCount;
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
final class ScanPhiCommand extends BaseCommand {

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
    if (console.json) {
      console.printJson(r);
      return Main.OK;
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
          .forEach((FileCount f) -> out.printf("  %8d  %s%n", f.findings(), f.safePath()));
      if (r.countsByFile().size() > LISTED) {
        out.println("  … and " + (r.countsByFile().size() - LISTED) + " more files (see --json)");
      }
    }
    r.errors().forEach(e -> out.println("not scanned: " + e.path() + ": " + e.reason()));
    return Main.OK;
  }
}
