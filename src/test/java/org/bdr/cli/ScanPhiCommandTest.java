package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bdr scan-phi}: exit code with unreadable files, and masked hints in text output. */
class ScanPhiCommandTest {

  private static final String SSN = "123-45-6789";
  private static final String ACCOUNT = "4111111111111111";

  @TempDir Path tmp;

  @Test
  void scanPhi_fileThatCannotBeRead_listedAndExitsThree() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(dir.resolve("note.txt"), "SSN: " + SSN + "\n");
    Files.write(dir.resolve("letter.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 9, 9, 9});

    CommandLineRunner.Result r = CommandLineRunner.run(env(), "scan-phi", dir.toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).contains("1 error").contains("not scanned: " + dir + "/letter.docx");
    assertThat(r.stdout() + r.stderr()).doesNotContain(SSN);
  }

  @Test
  void scanPhi_hints_maskedOnlyAtHighSensitivity() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(dir.resolve("note.txt"), "SSN: " + SSN + "\nAccount " + ACCOUNT + "\n");

    CommandLineRunner.Result medium =
        CommandLineRunner.run(env(), "scan-phi", dir.toString(), "--hints");
    CommandLineRunner.Result high =
        CommandLineRunner.run(
            env(), "scan-phi", dir.toString(), "--hints", "--sensitivity", "high");

    assertThat(medium.exitCode()).isZero();
    assertThat(medium.stdout()).contains("masked hints are given only with --sensitivity high");
    assertThat(high.exitCode()).isZero();
    assertThat(high.stdout()).contains("***-**-6789").contains("note.txt line 1");
    for (CommandLineRunner.Result r : new CommandLineRunner.Result[] {medium, high}) {
      assertThat(r.stdout() + r.stderr()).doesNotContain(SSN).doesNotContain(ACCOUNT);
    }
  }

  private Map<String, String> env() {
    return Map.of("BDR_HOME", tmp.resolve("home").toString());
  }
}
