package org.bdr.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bdr.cli.CommandLineRunner;
import org.bdr.testing.ResticBinary;

/**
 * One practice's machine for an end-to-end MCP test: a repository with its password file, a state
 * folder ({@code BDR_HOME}), and bdr's MCP servers started against them as separate processes.
 */
final class Practice {

  static final String PASSWORD = "staple battery horse correct";
  static final ObjectMapper JSON = new ObjectMapper();

  final Path tmp;
  final Path repo;
  final Path passwordFile;
  final Path home;
  final ResticBinary restic;

  /** A practice in {@code tmp} with a new, empty repository. */
  Practice(Path tmp) throws IOException {
    this.tmp = tmp;
    this.repo = tmp.resolve("repo");
    this.home = tmp.resolve("bdr-home");
    this.passwordFile = tmp.resolve("password");
    Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    this.restic = new ResticBinary(repo, PASSWORD, tmp.resolve("restic-cache"));
    bdr("init", "--repo", repo.toString(), "--password-file", passwordFile.toString());
  }

  /** The environment every bdr process of this practice runs with. */
  Map<String, String> env() {
    return Map.of("BDR_HOME", home.toString(), "BDR_KEYCHAIN", "off");
  }

  /** Runs the bdr command line in this JVM against this practice's state folder. */
  CommandLineRunner.Result bdr(String... args) {
    return CommandLineRunner.run(env(), args).requireSuccess();
  }

  /** A new bearer token for {@code role}. */
  String token(String role) {
    return bdr("token", "create", "--role", role).stdout().strip();
  }

  /** The options that point a server at this practice's repository. */
  List<String> repositoryOptions() {
    return List.of("--repo", repo.toString(), "--password-file", passwordFile.toString());
  }

  /** The command line of {@code bdr mcp ...} for this repository. */
  List<String> stdioCommand(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(NodeClients.stdioServer().get(0));
    cmd.addAll(jvmOptions);
    cmd.addAll(NodeClients.stdioServer().subList(1, NodeClients.stdioServer().size()));
    cmd.addAll(List.of(args));
    cmd.addAll(repositoryOptions());
    return cmd;
  }

  /** A configuration for {@code mcp-client.mjs} that starts {@code bdr mcp} itself. */
  Map<String, Object> stdioClient(List<String> jvmOptions, List<Map<String, Object>> steps) {
    List<String> cmd = stdioCommand(jvmOptions);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("transport", "stdio");
    config.put("command", cmd.get(0));
    config.put("args", cmd.subList(1, cmd.size()));
    config.put("env", env());
    config.put("steps", steps);
    return config;
  }

  /** A configuration for {@code mcp-client.mjs} that talks to a running HTTP server. */
  static Map<String, Object> httpClient(
      ServeProcess server, String token, List<Map<String, Object>> steps) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("transport", "http");
    config.put("url", server.url());
    if (token != null) {
      config.put("token", token);
    }
    config.put("steps", steps);
    return config;
  }

  /** Starts {@code bdr serve --listen 127.0.0.1:0 ...} on this repository. */
  ServeProcess serve(List<String> jvmOptions, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(NodeClients.stdioServer().get(0));
    cmd.add("-Xmx512m");
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.bdr.cli.Main"));
    cmd.addAll(List.of("serve", "--listen", "127.0.0.1:0"));
    cmd.addAll(List.of(args));
    cmd.addAll(repositoryOptions());
    return ServeProcess.start(cmd, env());
  }

  /** The ids of the repository's snapshots, as the real restic lists them. */
  List<String> snapshotIds() throws Exception {
    JsonNode list =
        JSON.readTree(restic.run("snapshots", "--json").requireSuccess().stdout().strip());
    List<String> ids = new ArrayList<>();
    list.forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }

  /** Every file in the repository, by relative path: what a refused call must leave unchanged. */
  TreeSet<String> repositoryFiles() throws IOException {
    try (Stream<Path> all = Files.walk(repo)) {
      TreeSet<String> out = new TreeSet<>();
      all.filter(Files::isRegularFile).forEach(p -> out.add(repo.relativize(p).toString()));
      return out;
    }
  }

  /** The lock files in the repository. */
  List<Path> locks() throws IOException {
    Path locks = repo.resolve("locks");
    if (!Files.isDirectory(locks)) {
      return List.of();
    }
    try (Stream<Path> all = Files.list(locks)) {
      return all.toList();
    }
  }

  /** A step for {@code mcp-client.mjs}: {@code do} plus the given fields. */
  static Map<String, Object> step(String action, Object... fields) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("do", action);
    for (int i = 0; i < fields.length; i += 2) {
      step.put((String) fields[i], fields[i + 1]);
    }
    return step;
  }
}
