package org.bdr.cli;

import org.bdr.app.InitRepository;
import picocli.CommandLine.Command;

/** {@code bdr init}. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new repository.")
final class InitCommand extends BaseCommand {

  @Override
  int execute() throws Exception {
    InitRepository.Outcome o = new InitRepository(opener).run(options.repository());
    console.notice(o.notice());
    if (console.json) {
      console.printJson(o);
    } else {
      console.out.println("created repository " + o.id().substring(0, 8) + " at " + o.repository());
    }
    return Main.OK;
  }
}
