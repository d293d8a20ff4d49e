package org.bdr.cli;

import org.bdr.app.CheckRepository;
import org.bdr.check.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bdr check [--read-data] [--snapshot ID|latest]}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Verify the repository's structure, and its data if asked.")
final class CheckCommand extends BaseCommand {

  @Option(names = "--read-data", description = "decrypt and hash every blob (slow, thorough)")
  boolean readData;

  @Option(
      names = "--snapshot",
      paramLabel = "ID",
      description =
          "check only this snapshot (id, prefix or latest): its trees, and with --read-data only"
              + " the packs holding its data")
  String snapshot;

  @Override
  int execute() throws Exception {
    CheckRepository.Outcome o =
        new CheckRepository(opener)
            .run(options.repository(), snapshot, readData, n -> {}, () -> false);
    CheckResult r = o.result();
    if (console.json) {
      console.printJson(o);
    } else {
      console.out.println(
          "checked "
              + (o.snapshot() == null
                  ? Console.plural(r.snapshots(), "snapshot")
                  : "snapshot " + o.snapshot().substring(0, 8))
              + ", "
              + Console.plural(r.trees(), "tree")
              + ", "
              + Console.plural(r.blobs(), "blob")
              + " in "
              + Console.plural(r.packs(), "pack")
              + (r.readData()
                  ? "; read "
                      + Console.plural(r.packsRead(), "pack")
                      + " ("
                      + Console.bytes(r.bytesRead())
                      + ")"
                  : ""));
      for (String w : r.warnings()) {
        console.out.println("warning: " + TerminalText.escape(w));
      }
      for (String e : r.errors()) {
        console.out.println("error: " + TerminalText.escape(e));
      }
      console.out.println(
          r.ok() ? "no errors were found" : Console.plural(r.errors().size(), "error"));
    }
    if (!r.ok()) {
      console.err.println(
          "bdr: BACKUP_CORRUPTED: the repository has damage — restore what you need from"
              + " snapshots not listed above or from another copy; new backups into this"
              + " repository would reuse the damaged data, so back up into a new repository"
              + " until this one is repaired, and keep it for investigation");
      return Main.FAILED;
    }
    return Main.OK;
  }
}
