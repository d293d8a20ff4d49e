package org.bdr.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
