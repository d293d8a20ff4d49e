package org.bdr.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code bdr} command. */
@Command(
    name = "bdr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Encrypted, deduplicated, verifiable backups for medical practices.",
    subcommands = {
      InitCommand.class,
      BackupCommand.class,
      SnapshotsCommand.class,
      LsCommand.class,
      RestoreCommand.class,
      CheckCommand.class,
      UnlockCommand.class,
      ScanPhiCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit code: success. */
  static final int OK = 0;

  /** Exit code: failure. */
  static final int FAILED = 1;

  /** Exit code: the backup finished but some files could not be read. */
  static final int PARTIAL = 3;

  @Mixin GlobalOptions global = new GlobalOptions();

  final Map<String, String> env;
  final PrintStream out;
  final PrintStream err;

  Main(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /** Runs bdr with the process's arguments and exits with its code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), out, err));
  }

  /** Runs bdr and returns its exit code. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Main main = new Main(env, out, err);
    CommandLine cli = new CommandLine(main);
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          String message = ex.getMessage();
          if (ex instanceof CommandLine.UnmatchedArgumentException u
              && u.getCommandLine().getCommandName().equals("bdr")
              && !u.getUnmatched().isEmpty()) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
          }
          err.println("bdr: " + message + " — see '" + commandName(ex) + " --help'");
          return FAILED;
        });
    return cli.execute(args);
  }

  private static String commandName(CommandLine.ParameterException ex) {
    String name = ex.getCommandLine().getCommandName();
    return name.equals("bdr") ? "bdr" : "bdr " + name;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"bdr " + (v == null ? "dev" : v)};
    }
  }
}
