package org.bdr.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the bdr command line in this process, for tests in other packages. */
public final class CommandLineRunner {

  /** What one bdr run printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Fails with bdr's output unless it exited 0. */
    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("bdr exited " + exitCode + ":\n" + stderr + stdout);
      }
      return this;
    }
  }

  private CommandLineRunner() {}

  /**
   * Runs {@code bdr args...} on the repository {@code folder/repo}, unlocked by the password file
   * {@code folder/passwordFile}, with {@code folder/home} as BDR_HOME and no keychain.
   */
  public static Result inFolder(Path folder, String passwordFile, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-r", folder.resolve("repo").toString()));
    all.addAll(List.of("--password-file", folder.resolve(passwordFile).toString()));
    return run(
        Map.of("BDR_HOME", folder.resolve("home").toString(), "BDR_KEYCHAIN", "off"),
        all.toArray(String[]::new));
  }

  /** Runs {@code bdr args...} with {@code env} as its environment. */
  public static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, env, o, e);
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
