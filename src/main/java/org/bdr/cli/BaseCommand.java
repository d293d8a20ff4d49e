package org.bdr.cli;

import java.util.concurrent.Callable;
import org.bdr.app.Failures;
import org.bdr.app.RepositoryOpener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: global options, output channels, and failure rendering. */
abstract class BaseCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Mixin GlobalOptions local = new GlobalOptions();

  GlobalOptions options;
  Console console;
  RepositoryOpener opener;

  @Override
  public final Integer call() {
    options = local.over(main.global);
    console = new Console(main.out, main.err, options.json, System.console() != null);
    opener = new RepositoryOpener(main.env);
    try {
      return execute();
    } catch (Exception | LinkageError e) {
      console.error(Failures.describe(e));
      return Main.FAILED;
    }
  }

  /** Runs the command and returns its exit code. */
  abstract int execute() throws Exception;
}
