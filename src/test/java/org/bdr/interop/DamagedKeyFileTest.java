package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bdr.cli.CommandLineRunner;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged key file is reported as damage, by its short id, with what to do; a wrong password
 * against intact keys is still reported as a wrong password.
 */
class DamagedKeyFileTest {

  @TempDir Path tmp;

  Workbench bench;
  Path key;
  String keyShort;

  @BeforeEach
  void repositoryWithOneKey() throws Exception {
    bench = new Workbench(tmp);
    bench.bdr("init").requireSuccess();
    try (Stream<Path> keys = Files.list(bench.repo.resolve("keys"))) {
      key = keys.findFirst().orElseThrow();
    }
    keyShort = key.getFileName().toString().substring(0, 8);
  }

  @Test
  void open_truncatedKeyFile_reportsDamagedKeyNotWrongPassword() throws Exception {
    byte[] bytes = Files.readAllBytes(key);
    Files.write(key, Arrays.copyOf(bytes, bytes.length / 2));

    CommandLineRunner.Result run = bench.bdr("snapshots", "--json");

    assertDamaged(run, keyShort);
  }

  @Test
  void open_garbledKeyFile_reportsDamagedKeyNotWrongPassword() throws Exception {
    byte[] bytes = Files.readAllBytes(key);
    Arrays.fill(bytes, bytes.length / 3, bytes.length / 3 + 40, (byte) '#');
    Files.write(key, bytes);

    CommandLineRunner.Result run = bench.bdr("snapshots", "--json");

    assertDamaged(run, keyShort);
  }

  @Test
  void open_wrongPasswordIntactKey_reportsWrongPassword() throws Exception {
    Path wrong = tmp.resolve("wrong");
    Workbench.writeSecret(wrong, "not the password");

    CommandLineRunner.Result run =
        bench.bdrRaw(
            "snapshots",
            "--json",
            "--repo",
            bench.repo.toString(),
            "--password-file",
            wrong.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(errorCode(run)).isEqualTo("WRONG_PASSWORD");
    assertThat(run.stderr()).contains("password does not open").doesNotContain("damaged");
  }

  @Test
  void open_secondKeyIntactFirstTruncated_opensWithSecondAndNamesFirstForItsPassword()
      throws Exception {
    ResticBinary.require();
    Path second = tmp.resolve("second-password");
    Workbench.writeSecret(second, "second password");
    bench.restic.run("key", "add", "--new-password-file", second.toString()).requireSuccess();
    byte[] bytes = Files.readAllBytes(key);
    Files.write(key, Arrays.copyOf(bytes, 20));

    CommandLineRunner.Result withSecond =
        bench.bdrRaw(
            "snapshots", "--repo", bench.repo.toString(), "--password-file", second.toString());
    CommandLineRunner.Result withFirst = bench.bdr("snapshots", "--json");

    assertThat(withSecond.exitCode()).as(withSecond.stderr()).isZero();
    assertDamaged(withFirst, keyShort);
    assertThat(withFirst.stderr()).contains("does not open the other key");
  }

  private static void assertDamaged(CommandLineRunner.Result run, String keyShort)
      throws Exception {
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(errorCode(run)).isEqualTo("BACKUP_CORRUPTED");
    List<String> lines = run.stderr().strip().lines().toList();
    assertThat(lines).as(run.stderr()).hasSize(1);
    assertThat(lines.get(0))
        .contains("key file " + keyShort)
        .contains("damaged")
        .contains("keys folder")
        .doesNotContain("wrong password");
  }

  private static String errorCode(CommandLineRunner.Result run) throws Exception {
    JsonNode json = Workbench.JSON.readTree(run.stdout().getBytes(StandardCharsets.UTF_8));
    return json.path("error").path("code").asText();
  }
}
