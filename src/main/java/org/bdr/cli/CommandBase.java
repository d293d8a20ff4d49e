package org.bdr.cli;

import java.util.concurrent.Callable;
import org.bdr.app.Failures;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: output channels and failure rendering. */
abstract class CommandBase implements Callable<Integer> {

  /** The command this one belongs to: {@link Main}, or a {@link CommandGroup} such as token. */
  @ParentCommand Object parent;

  Main main;

  Console console;

  @Override
  public final Integer call() {
    main = parent instanceof CommandGroup group ? group.main() : (Main) parent;
    prepare();
    console = new Console(main.out, main.err, json(), System.console() != null);
    try {
      return execute();
    } catch (Exception | LinkageError | OutOfMemoryError e) {
      console.error(Failures.describe(e));
      return Main.FAILED;
    }
  }

  /** Work a command does while a notice waits for the process to be stopped. */
  interface Work<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code work}; if the process is stopped meanwhile (Ctrl-C, SIGTERM), {@code notice} is
   * printed on stderr on the way out.
   */
  <T> T noticeIfStopped(String notice, Work<T> work) throws Exception {
    Thread hook = new Thread(() -> console.err.println("\nbdr: " + notice));
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return work.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down: the hook prints the notice.
      }
    }
  }

  /** Settles the options before anything is printed. */
  void prepare() {}

  /** Whether output is JSON. */
  abstract boolean json();

  /** Runs the command and returns its exit code. */
  abstract int execute() throws Exception;
}
