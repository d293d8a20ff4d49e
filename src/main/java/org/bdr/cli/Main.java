package org.bdr.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code bdr} command. */
@Command(
    name = "bdr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Encrypted, deduplicated, verifiable backups for medical practices.")
public final class Main implements Runnable {

  /**
   * The subcommands, in the order help lists them. Only the one being run is handed to picocli,
   * which reads every registered command's annotations at start-up; all are registered only when
   * none or an unknown one is named, or help is asked for.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("init", InitCommand::new);
    COMMANDS.put("backup", BackupCommand::new);
    COMMANDS.put("snapshots", SnapshotsCommand::new);
    COMMANDS.put("ls", LsCommand::new);
    COMMANDS.put("restore", RestoreCommand::new);
    COMMANDS.put("check", CheckCommand::new);
    COMMANDS.put("status", StatusCommand::new);
    COMMANDS.put("unlock", UnlockCommand::new);
    COMMANDS.put("scan-phi", ScanPhiCommand::new);
    COMMANDS.put("export-config", ExportConfigCommand::new);
    COMMANDS.put("mcp", McpCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("token", TokenCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /** Global options that take a value in the next argument. */
  private static final Set<String> VALUE_OPTIONS =
      Set.of("-r", "--repo", "--password-file", "--password-command");

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
    main.cli = cli;
    String named = commandName(args);
    if (named != null && !named.equals("help") && COMMANDS.containsKey(named)) {
      cli.addSubcommand(named, COMMANDS.get(named).get());
    } else {
      COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
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

  /** The first argument that is not a global option or its value: the command's name. */
  private static String commandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        return arg;
      }
      if (VALUE_OPTIONS.contains(arg)) {
        i++;
      }
    }
    return null;
  }

  private static String commandName(CommandLine.ParameterException ex) {
    String name = ex.getCommandLine().getCommandName();
    return name.equals("bdr") ? "bdr" : "bdr " + name;
  }

  private CommandLine cli;

  @Override
  public void run() {
    cli.usage(out);
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
