package org.bdr.cli;

import org.bdr.app.UnlockRepository;
import picocli.CommandLine.Command;

/** {@code bdr unlock}. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = "Remove locks left behind by processes that died.")
final class UnlockCommand extends BaseCommand {

  @Override
  int execute() throws Exception {
    UnlockRepository.Outcome o = new UnlockRepository(opener).run(options.repository());
    if (console.json) {
      console.printJson(o);
    } else {
      console.out.println(
          "removed " + o.removed() + " stale lock(s); " + o.remaining() + " live lock(s) remain");
    }
    return Main.OK;
  }
}
