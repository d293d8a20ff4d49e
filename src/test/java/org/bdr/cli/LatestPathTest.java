package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --path}, {@code latest} is the newest snapshot of that source, not of any. */
class LatestPathTest {

  @TempDir Path tmp;

  @Test
  void latest_withPath_newestSnapshotOfThatSource() throws Exception {
    Path records = Files.createDirectories(tmp.resolve("records"));
    Path billing = Files.createDirectories(tmp.resolve("billing"));
    Files.writeString(records.resolve("chart.txt"), "chart");
    Files.writeString(billing.resolve("claims.csv"), "claims");
    Map<String, String> env = Map.of("BDR_HOME", tmp.resolve("home").toString());
    CommandLineRunner.run(env, "backup", records.toString()).requireSuccess();
    CommandLineRunner.run(env, "backup", billing.toString()).requireSuccess();
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result ls =
        CommandLineRunner.run(env, "ls", "latest", "--path", records.toString());
    CommandLineRunner.Result restore =
        CommandLineRunner.run(
            env, "restore", "latest", "--path", records.toString(), "--target", target.toString());
    CommandLineRunner.Result none =
        CommandLineRunner.run(
            env, "ls", "latest", "--path", tmp.resolve("nowhere").toString(), "--json");
    CommandLineRunner.Result plainLatest = CommandLineRunner.run(env, "ls", "latest");

    assertThat(ls.requireSuccess().stdout()).contains("chart.txt").doesNotContain("claims.csv");
    restore.requireSuccess();
    assertThat(target.resolve(records.toString().substring(1)).resolve("chart.txt")).exists();
    assertThat(target.resolve(billing.toString().substring(1))).doesNotExist();
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stdout()).contains("BACKUP_NOT_FOUND").contains("nowhere");
    assertThat(plainLatest.requireSuccess().stdout()).contains("claims.csv");
  }
}
