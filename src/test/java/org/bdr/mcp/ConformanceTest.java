package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP conformance suite ({@code @modelcontextprotocol/conformance}) against {@code bdr serve}.
 * The suite cannot send a bearer token, so the server runs with {@code --no-auth} on loopback, with
 * its Host/Origin check on. Only the scenarios in {@code conformance-baseline.yml} may fail: they
 * need the suite's own fixture tools, resources and prompts.
 */
class ConformanceTest {

  @TempDir Path tmp;

  @Test
  void conformanceSuite_againstServe_failsOnlyBaselinedFixtureScenarios() throws Exception {
    Practice practice = new Practice(tmp);
    Path baseline = NodeClients.HOME.resolve("conformance-baseline.yml");
    Path results = tmp.resolve("conformance-results");

    NodeClients.Result run;
    try (ServeProcess server = practice.serve(List.of(), "--no-auth")) {
      run =
          NodeClients.run(
              Files.createDirectories(tmp.resolve("conformance")),
              List.of(
                  NodeClients.HOME.resolve("node_modules/.bin/conformance").toString(),
                  "server",
                  "--url",
                  server.url(),
                  "--expected-failures",
                  baseline.toString(),
                  "-o",
                  results.toString()),
              300);
    }

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("✓ server-initialize", "✓ tools-list", "✓ dns-rebinding-protection")
        .contains("✓ logging-set-level", "✓ ping", "✓ server-sse-multiple-streams");
  }
}
