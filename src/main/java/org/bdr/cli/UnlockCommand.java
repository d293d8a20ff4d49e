package org.bdr.cli;

import org.bdr.app.UnlockRepository;
import picocli.CommandLine.Command;

/** {@code bdr unlock}. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description =
        "Remove locks, and temporary files over an hour old, left behind by processes that died.")
final class UnlockCommand extends BaseCommand {

  @Override
  int execute() throws Exception {
    UnlockRepository.Outcome o = new UnlockRepository(opener).run(options.repository());
    if (console.json) {
      console.printJson(o);
    } else {
      console.out.println(
          "removed " + o.removed() + " stale lock(s); " + o.remaining() + " live lock(s) remain");
      if (o.removedLeftovers() > 0) {
        console.out.println(
            "removed "
                + o.removedLeftovers()
                + " leftover temporary file(s) of interrupted writes");
      }
      if (o.keptLeftovers() > 0) {
        console.out.println(
            "kept "
                + o.keptLeftovers()
                + " leftover temporary file(s): under an hour old or a lock is held; run 'bdr"
                + " unlock' again once no bdr or restic command is running");
      }
    }
    return Main.OK;
  }
}
