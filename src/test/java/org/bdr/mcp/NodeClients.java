package org.bdr.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real MCP clients from npm (installed into {@code src/test/node} by the build): the TypeScript
 * SDK client driven by {@code mcp-client.mjs}, the Inspector CLI and the conformance suite.
 */
final class NodeClients {

  static final Path HOME = Path.of("src", "test", "node").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private NodeClients() {}

  /** The command line that starts bdr's stdio server from the test classpath. */
  static List<String> stdioServer() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-cp",
        System.getProperty("java.class.path"),
        "org.bdr.cli.Main",
        "mcp");
  }

  /** Runs {@code mcp-client.mjs} with {@code config} and returns its report. */
  static JsonNode sdkClient(Map<String, Object> config, Path work) throws Exception {
    Path file = Files.createTempFile(work, "client", ".json");
    JSON.writeValue(file.toFile(), config);
    Result r =
        run(work, List.of("node", HOME.resolve("mcp-client.mjs").toString(), file.toString()), 600);
    if (r.exit() != 0) {
      throw new AssertionError("mcp-client.mjs failed (" + r.exit() + "):\n" + r.output());
    }
    String out = r.output().strip();
    return JSON.readTree(out.substring(out.lastIndexOf("\n{") + 1));
  }

  /**
   * Runs the Inspector CLI with {@code args} from a folder whose parent holds a package.json (its
   * launcher looks for one there).
   */
  static Result inspector(Path work, List<String> args) throws Exception {
    Path parent = Files.createDirectories(work.resolve("inspector"));
    Files.writeString(parent.resolve("package.json"), "{}");
    Path cwd = Files.createDirectories(parent.resolve("run"));
    List<String> cmd = new ArrayList<>();
    cmd.add(HOME.resolve("node_modules/.bin/mcp-inspector-cli").toString());
    cmd.add("--cli");
    cmd.addAll(args);
    return run(cwd, cmd, 300);
  }

  /**
   * What a client process printed (stdout and stderr together) and its exit code.
   *
   * @param exit the exit code
   * @param output everything it printed
   */
  record Result(int exit, String output) {}

  static Result run(Path cwd, List<String> cmd, int seconds) throws Exception {
    if (!Files.isDirectory(HOME.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      throw new AssertionError(
          "the MCP test clients are not installed: run 'npm ci' in src/test/node (mvn verify does)");
    }
    Path log = Files.createTempFile(cwd, "node", ".log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("client did not finish in " + seconds + " s: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
