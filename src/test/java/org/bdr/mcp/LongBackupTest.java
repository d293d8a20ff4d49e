package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.mcp.Practice.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backup long enough to watch, through the TypeScript SDK client: progress keeps arriving, keeps
 * a short client timeout from firing, and a cancelled backup leaves the repository as it was.
 */
class LongBackupTest {

  private static final int FILES = 40;
  private static final long FILE_SIZE = 8L << 20;

  /**
   * The server sends progress at least once a second; the spec for this test allows 2 s between two
   * notifications, plus 0.5 s for a loaded machine (the tests share two cores with other builds,
   * and a JVM pause or a slow scheduler delays a notification that is already due).
   */
  private static final long MAX_GAP_MILLIS = 2_500;

  /**
   * A client timeout shorter than the backup and its verification (about 4 s on two cores): only
   * progress notifications keep the call alive.
   */
  private static final int CLIENT_TIMEOUT_MILLIS = 2_500;

  @TempDir static Path shared;
  private static Path big;

  @TempDir Path tmp;

  @BeforeAll
  static void writeSources() throws Exception {
    big = shared.resolve("imaging");
    List<FileTree.Entry> files = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      files.add(FileTree.random(String.format("series-%02d.dcm", i), FILE_SIZE, 1000 + i));
    }
    FileTree.write(big, files);
  }

  @Test
  void createBackup_longerThanClientTimeout_progressKeepsCallAliveAndGrows() throws Exception {
    ResticBinary.require();
    Practice practice = new Practice(tmp);

    JsonNode report =
        NodeClients.sdkClient(
            practice.stdioClient(
                List.of(),
                List.of(
                    step(
                        "call",
                        "tool",
                        "create_backup",
                        "arguments",
                        Map.of("sources", List.of(big.toString()), "verify", true),
                        "progress",
                        true,
                        "timeoutMs",
                        CLIENT_TIMEOUT_MILLIS))),
            tmp);

    JsonNode call = report.path("steps").get(0);
    assertThat(call.has("thrown")).as(call.toString()).isFalse();
    assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
    assertThat(call.path("elapsedMs").asLong())
        .as("the backup must outlast the client timeout, or the timeout was never at risk")
        .isGreaterThan(CLIENT_TIMEOUT_MILLIS);
    assertThat(call.path("structuredContent").path("files").path("total").asInt()).isEqualTo(FILES);
    assertThat(call.path("structuredContent").path("totalBytes").asLong())
        .isEqualTo(FILES * FILE_SIZE);
    assertThat(call.at("/structuredContent/verification/ok").asBoolean()).isTrue();

    JsonNode progress = call.path("progress");
    assertThat(progress.size()).isGreaterThanOrEqualTo(2);
    long previousAt = 0;
    double previous = -1;
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode p : progress) {
      assertThat(p.path("at").asLong() - previousAt)
          .as("gap before progress " + p)
          .isLessThanOrEqualTo(MAX_GAP_MILLIS);
      assertThat(p.path("progress").asDouble()).as("progress grows: " + p).isGreaterThan(previous);
      if (p.has("total")) {
        assertThat(p.path("total").asDouble())
            .isGreaterThanOrEqualTo(p.path("progress").asDouble());
      }
      String phase = p.path("message").asText().split(" ")[0];
      long counted = bytesIn(p.path("message").asText());
      assertThat(counted)
          .as("the bytes counted while " + phase + " never go back: " + progress)
          .isGreaterThanOrEqualTo(counts.getOrDefault(phase, 0L));
      counts.put(phase, counted);
      if (phase.equals("verified")) {
        assertThat(p.path("progress").asDouble())
            .as("verification carries on from the backup's progress")
            .isGreaterThanOrEqualTo(FILES * FILE_SIZE + (double) counted);
      }
      previousAt = p.path("at").asLong();
      previous = p.path("progress").asDouble();
    }
    assertThat(call.path("elapsedMs").asLong() - previousAt)
        .as("gap between the last progress and the result")
        .isLessThanOrEqualTo(MAX_GAP_MILLIS);
    assertThat(practice.snapshotIds())
        .containsExactly(call.at("/structuredContent/snapshotId").asText());
  }

  private static final Pattern BYTES = Pattern.compile("(\\d+) bytes");

  /** The byte count in a progress message ("backed up N bytes", "verified N bytes"). */
  private static long bytesIn(String message) {
    Matcher m = BYTES.matcher(message);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  @ParameterizedTest
  @ValueSource(strings = {"stdio", "http"})
  void createBackup_cancelledAfterFirstProgress_leavesNoLockNoSnapshotAndNextBackupWorks(
      String transport) throws Exception {
    ResticBinary.require();
    Practice practice = new Practice(tmp);
    Path small = Files.createDirectories(tmp.resolve("front-desk"));
    Files.writeString(small.resolve("hours.txt"), "Mon-Fri 8-17\n");
    List<Map<String, Object>> steps =
        List.of(
            step(
                "call",
                "tool",
                "create_backup",
                "arguments",
                Map.of("sources", List.of(big.toString())),
                "progress",
                true,
                "abortAfterProgress",
                1),
            step("awaitEmpty", "dir", practice.repo.resolve("locks").toString(), "timeoutMs", 5000),
            step(
                "call",
                "tool",
                "create_backup",
                "arguments",
                Map.of("sources", List.of(small.toString()))));

    JsonNode report;
    if (transport.equals("stdio")) {
      report = NodeClients.sdkClient(practice.stdioClient(List.of(), steps), tmp);
    } else {
      try (ServeProcess server = practice.serve(List.of())) {
        report =
            NodeClients.sdkClient(Practice.httpClient(server, practice.token("admin"), steps), tmp);
      }
    }

    JsonNode aborted = report.path("steps").get(0);
    assertThat(aborted.path("abortedAt").isNumber()).as(aborted.toString()).isTrue();
    assertThat(aborted.path("thrown").path("message").asText()).containsIgnoringCase("cancel");
    JsonNode unlocked = report.path("steps").get(1);
    assertThat(unlocked.has("thrown")).as("lock released: " + unlocked).isFalse();
    JsonNode next = report.path("steps").get(2);
    assertThat(next.path("isError").asBoolean()).as(next.toString()).isFalse();
    assertThat(next.at("/structuredContent/files/total").asInt()).isEqualTo(1);
    assertThat(practice.snapshotIds())
        .as("only the backup that was not cancelled saved a snapshot")
        .containsExactly(next.at("/structuredContent/snapshotId").asText());
    assertThat(practice.locks()).isEmpty();
    practice.restic.run("check").requireSuccess();
  }
}
