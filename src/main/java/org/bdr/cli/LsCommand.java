package org.bdr.cli;

import java.util.ArrayList;
import java.util.List;
import org.bdr.app.FileEntry;
import org.bdr.app.ListFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bdr ls SNAPSHOT [PATH]}. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "List the files in a snapshot.")
final class LsCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "snapshot id, prefix or latest")
  String snapshot;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "folder to list")
  String path;

  @Option(
      names = "--path",
      paramLabel = "SOURCE",
      description = "with latest: the newest snapshot that backed up SOURCE (repeatable)")
  List<String> sources = new ArrayList<>();

  @Override
  int execute() throws Exception {
    ListFiles.Listing listing =
        new ListFiles(opener).run(options.repository(), snapshot, sources, path);
    if (console.json) {
      console.printJson(listing);
      return Main.OK;
    }
    for (FileEntry e : listing.entries()) {
      console.out.println(TerminalText.escape(e.path()));
    }
    return Main.OK;
  }
}
