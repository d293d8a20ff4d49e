package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history: appends, its bound, concurrent writers, damaged lines, recorded runs. */
class RunHistoryTest {

  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  @TempDir Path tmp;

  /** Entry number {@code i} of a writer: a backup whose file count is {@code i}. */
  static RunHistory.Entry entry(String repository, int i) {
    String at = T0.plusSeconds(i).toString();
    return new RunHistory.Entry("backup", at, at, "ok", null, "0123abcd", i, 10L * i, repository);
  }

  private StateFolder state() {
    return new StateFolder(tmp.resolve("home"));
  }

  @Test
  void append_twoEntries_readBackOldestFirstWithPrivateModes() throws IOException {
    RunHistory history = new RunHistory(state());
    RunHistory.Entry failed =
        new RunHistory.Entry(
            "check",
            "2026-06-01T09:00:00Z",
            "2026-06-01T09:05:00Z",
            "failed",
            "BACKUP_CORRUPTED",
            null,
            0,
            4096,
            "/srv/repo");

    history.append(entry("/srv/repo", 1));
    history.append(failed);

    assertThat(history.read()).containsExactly(entry("/srv/repo", 1), failed);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state().history())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state().root())))
        .isEqualTo("rwx------");
    assertThat(Files.readAllLines(state().history()).get(1))
        .isEqualTo(
            "{\"operation\":\"check\",\"started\":\"2026-06-01T09:00:00Z\",\"finished\":"
                + "\"2026-06-01T09:05:00Z\",\"outcome\":\"failed\","
                + "\"errorCode\":\"BACKUP_CORRUPTED\","
                + "\"snapshot\":null,\"files\":0,\"bytes\":4096,\"repository\":\"/srv/repo\"}");
  }

  @Test
  void append_pastTheBound_keepsTheNewestEntries() throws IOException {
    RunHistory history = new RunHistory(state(), Clock.systemUTC(), 20);

    for (int i = 0; i < 27; i++) {
      history.append(entry("r", i));
    }

    assertThat(history.read())
        .extracting(RunHistory.Entry::files)
        .containsExactlyElementsOf(IntStream.range(7, 27).mapToObj(i -> (long) i).toList());
    assertThat(Files.readAllLines(state().history())).hasSize(20);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state().history())))
        .isEqualTo("rw-------");
  }

  @Test
  void append_defaultBound_isOneThousand() {
    assertThat(RunHistory.KEEP).isEqualTo(1000);
  }

  @Test
  void read_damagedLines_areSkipped() throws IOException {
    RunHistory history = new RunHistory(state());
    history.append(entry("r", 1));
    Files.write(
        state().history(),
        List.of(
            "{\"operation\":\"backup\",\"started\":", // cut short by a crash
            "not json at all",
            "{\"operation\":\"defrag\",\"started\":\"2026-06-01T08:00:00Z\"}",
            "\u0000\u00ff"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.write(state().history(), new byte[] {(byte) 0xc3, '\n'}, StandardOpenOption.APPEND);
    history.append(entry("r", 2));

    assertThat(history.read()).containsExactly(entry("r", 1), entry("r", 2));
  }

  @Test
  void append_twoProcessesAtOnce_everyLineWholeAndNoneLost() throws Exception {
    int each = 150;
    List<Process> writers = new ArrayList<>();
    for (String name : List.of("first", "second")) {
      writers.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  HistoryAppender.class.getName(),
                  state().root().toString(),
                  Integer.toString(each),
                  name)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve(name + ".log").toFile())
              .start());
    }
    for (int i = 0; i < 60; i++) {
      new RunHistory(state()).append(entry("third", i));
    }
    for (Process p : writers) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }

    List<RunHistory.Entry> all = new RunHistory(state()).read();
    assertThat(Files.readAllLines(state().history())).hasSize(2 * each + 60);
    assertThat(all).hasSize(2 * each + 60);
    for (String name : List.of("first", "second")) {
      assertThat(all.stream().filter(e -> e.repository().equals(name)))
          .extracting(RunHistory.Entry::files)
          .containsExactlyElementsOf(IntStream.range(0, each).mapToObj(i -> (long) i).toList());
    }
  }

  @Test
  void append_stateFolderUnusable_doesNotThrow() throws IOException {
    Files.writeString(tmp.resolve("home"), "a file where the folder should be");
    RunHistory history = new RunHistory(state());

    history.append(entry("r", 1));

    assertThat(history.read()).isEmpty();
  }

  @Test
  void record_success_failureAndCancel_eachLeaveAnEntry() throws IOException {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    RunHistory history = new RunHistory(state(), clock, RunHistory.KEEP);

    String done =
        history.record(
            "restore",
            "/srv/repo",
            () -> "x",
            x -> new RunFacts("partial", null, "89abcdef", 3, 300));
    assertThatThrownBy(
            () ->
                history.record(
                    "backup",
                    "/srv/repo",
                    () -> {
                      throw new java.nio.file.NoSuchFileException("/srv/patients/Jane Doe");
                    },
                    x -> null))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThatThrownBy(
            () ->
                history.record(
                    "backup",
                    "/srv/repo",
                    () -> {
                      throw new BdrException(ErrorCode.CANCELLED, "the backup was cancelled", "");
                    },
                    x -> null))
        .isInstanceOf(BdrException.class);

    String at = T0.toString();
    assertThat(done).isEqualTo("x");
    assertThat(history.read())
        .containsExactly(
            new RunHistory.Entry(
                "restore", at, at, "partial", null, "89abcdef", 3, 300, "/srv/repo"),
            new RunHistory.Entry(
                "backup", at, at, "failed", "SOURCE_NOT_FOUND", null, 0, 0, "/srv/repo"),
            new RunHistory.Entry(
                "backup", at, at, "cancelled", "CANCELLED", null, 0, 0, "/srv/repo"));
    assertThat(Files.readString(state().history())).doesNotContain("Jane");
  }

  @Test
  void entry_invalidFields_areRefused() {
    String at = T0.toString();
    assertThatThrownBy(() -> new RunHistory.Entry("prune", at, at, "ok", null, null, 0, 0, "r"))
        .hasMessageContaining("operation");
    assertThatThrownBy(() -> new RunHistory.Entry("backup", at, at, "fine", null, null, 0, 0, "r"))
        .hasMessageContaining("outcome");
    assertThatThrownBy(
            () -> new RunHistory.Entry("backup", "today", at, "ok", null, null, 0, 0, "r"))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
    assertThatThrownBy(
            () -> new RunHistory.Entry("backup", at, at, "failed", "OOPS", null, 0, 0, "r"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RunHistory.Entry("backup", at, at, "ok", null, "/srv/x", 0, 0, "r"))
        .hasMessageContaining("snapshot id");
  }
}
