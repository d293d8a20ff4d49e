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

  @Option(
      names = {"-l", "--long"},
      description = "show type and mode, size and modification time of each entry")
  boolean longFormat;

  @Override
  int execute() throws Exception {
    ListFiles.Listing listing =
        new ListFiles(opener).run(options.repository(), snapshot, sources, path);
    if (console.json) {
      console.printJson(listing);
      return Main.OK;
    }
    for (FileEntry e : listing.entries()) {
      if (longFormat) {
        console.out.printf(
            "%s %10s  %s  %s%n",
            modeText(e.type(), e.mode()),
            e.type().equals("file") ? Long.toString(e.size()) : "",
            SnapshotsCommand.localTime(e.mtime()),
            TerminalText.escape(e.path()));
      } else {
        console.out.println(TerminalText.escape(e.path()));
      }
    }
    return Main.OK;
  }

  /** The mode as {@code ls -l} shows it, such as {@code drwxr-x---} or {@code -rwsr-xr-x}. */
  static String modeText(String type, int mode) {
    char kind =
        switch (type) {
          case "dir" -> 'd';
          case "symlink" -> 'l';
          case "fifo" -> 'p';
          case "socket" -> 's';
          case "chardev" -> 'c';
          case "dev" -> 'b';
          default -> '-';
        };
    char[] out = {kind, 'r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x'};
    for (int bit = 0; bit < 9; bit++) {
      if ((mode & (1 << (8 - bit))) == 0) {
        out[bit + 1] = '-';
      }
    }
    out[3] = special(out[3], (mode & 04000) != 0, 's');
    out[6] = special(out[6], (mode & 02000) != 0, 's');
    out[9] = special(out[9], (mode & 01000) != 0, 't');
    return new String(out);
  }

  private static char special(char execute, boolean set, char letter) {
    if (!set) {
      return execute;
    }
    return execute == 'x' ? letter : Character.toUpperCase(letter);
  }
}
