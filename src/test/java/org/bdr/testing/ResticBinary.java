package org.bdr.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real restic binary, the oracle for format compatibility. Under CI a missing binary fails the
 * test; elsewhere the test is skipped with a reason.
 */
public final class ResticBinary {

  /** What a restic run printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Fails with restic's output unless it exited 0. */
    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("restic exited " + exitCode + ": " + stderr + stdout);
      }
      return this;
    }
  }

  private final Path repo;
  private final String password;
  private final Path cache;

  /** restic bound to one repository and password. */
  public ResticBinary(Path repo, String password, Path cache) {
    this.repo = repo;
    this.password = password;
    this.cache = cache;
  }

  /** Fails under CI, skips elsewhere, when restic is not installed. */
  public static void require() {
    boolean present = Files.isExecutable(Path.of("/usr/bin/restic")) || onPath();
    if ("true".equals(System.getenv("CI"))) {
      if (!present) {
        throw new AssertionError("restic is not installed; .ci/run must install it");
      }
    } else {
      assumeTrue(present, "restic is not installed");
    }
  }

  private static boolean onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Path.of(dir, "restic"))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code restic -r REPO args...}. */
  public Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("restic", "-r", repo.toString(), "--no-cache"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("RESTIC_PASSWORD", password);
    pb.environment().put("RESTIC_CACHE_DIR", cache.toString());
    pb.environment().remove("RESTIC_REPOSITORY");
    Path out = Files.createTempFile("restic-out", ".txt");
    Path err = Files.createTempFile("restic-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("restic " + String.join(" ", args) + " did not finish");
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
