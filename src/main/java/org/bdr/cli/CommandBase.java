package org.bdr.cli;

import java.util.concurrent.Callable;
import org.bdr.app.Failures;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: output channels and failure rendering. */
abstract class CommandBase implements Callable<Integer> {

  @ParentCommand Main main;

  Console console;

  @Override
  public final Integer call() {
    prepare();
    console = new Console(main.out, main.err, json(), System.console() != null);
    try {
      return execute();
    } catch (Exception | LinkageError | OutOfMemoryError e) {
      console.error(Failures.describe(e));
      return Main.FAILED;
    }
  }

  /** Settles the options before anything is printed. */
  void prepare() {}

  /** Whether output is JSON. */
  abstract boolean json();

  /** Runs the command and returns its exit code. */
  abstract int execute() throws Exception;
}
