package org.bdr.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts bdr's command line in a separate JVM, as a person or a scheduler would run it. */
public final class BdrProcess {

  private BdrProcess() {}

  /** Starts {@code bdr args...} with extra environment, output going to {@code log}. */
  public static Process start(Map<String, String> env, Path log, String... args)
      throws IOException {
    return start(List.of(), env, log, args);
  }

  /** Like {@link #start(Map, Path, String...)} with options for the JVM, such as a heap size. */
  public static Process start(
      List<String> jvmOptions, Map<String, String> env, Path log, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.bdr.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("BDR_KEYCHAIN", "off");
    pb.environment().putAll(env);
    return pb.start();
  }
}
