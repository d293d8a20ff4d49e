package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bdr.testing.BdrProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A practice folder seeded with canary identifiers is backed up with {@code --phi-scan} under every
 * policy, as text and as JSON, by bdr in its own process with every logger at trace, into the
 * embedded default repository. No canary from inside a file may appear in anything printed, or in
 * any file of the state folder, which holds the repository, its password file and bdr's state; the
 * canaries in a file name and in a folder name may appear only where files and folders with
 * findings are listed by path.
 */
class PhiBackupLeakTest {

  private static final String NAME = "Philomena Brackenridge";
  private static final String SSN = "529-47-3306";
  private static final String PHONE = "417-832-6604";
  private static final String MRN = "QZ7731904";
  private static final List<String> INSIDE =
      List.of(
          "Philomena",
          "Brackenridge",
          "BRACKENRIDGE",
          SSN,
          "529473306",
          "3306",
          PHONE,
          "832-6604",
          "4178326604",
          MRN);
  private static final String FILE_NAME = "Ottoline_Fairweather_55123.txt";
  private static final String FOLDER_NAME = "Hildegard_Pennywhistle_19770521";
  private static final List<String> IN_NAME =
      List.of("Ottoline", "Fairweather", "Hildegard", "Pennywhistle");

  /**
   * Where a file or folder name may be printed: a JSON path field, or a line of a text list of
   * files and folders.
   */
  private static final Pattern LISTING =
      Pattern.compile(
          "\\s*\"path\" : \".*\",?|  /.*: (holds PHI|its name holds PHI|could not be) .*");

  @TempDir Path tmp;

  @Test
  void backupWithPhiScan_everyPolicyAndOutput_noCanaryLeaks() throws Exception {
    Path source = seed(tmp.resolve("practice"));
    List<Path> logs = new ArrayList<>();

    for (String policy : List.of("report", "tag", "block")) {
      for (String output : List.of("--json", "--label=" + policy)) {
        String[] args = {
          "backup",
          source.toString(),
          "--phi-scan",
          "--phi-policy",
          policy,
          "--type",
          "full",
          output
        };
        logs.add(bdr(policy.equals("block") ? 3 : 0, args));
      }
    }
    logs.add(bdr(0, "snapshots"));
    logs.add(bdr(0, "snapshots", "--json"));

    for (Path log : logs) {
      String printed = Files.readString(log, StandardCharsets.UTF_8);
      assertNoCanary(log.getFileName().toString(), scrubbed(printed), INSIDE);
      printed
          .lines()
          .filter(line -> IN_NAME.stream().anyMatch(line::contains))
          .forEach(line -> assertThat(line).as("printed in %s", log).matches(LISTING));
    }
    assertThat(String.join("\n", readAll(logs)))
        .contains("Ottoline_Fairweather_55123.txt")
        .contains(FOLDER_NAME + ": its name holds PHI");
    try (Stream<Path> files = Files.walk(tmp.resolve("home"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = scrubbed(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        assertNoCanary(f.toString(), bytes, INSIDE);
        assertNoCanary(f.toString(), bytes, IN_NAME);
      }
    }
  }

  /** Random ids: a snapshot's or blob's (64 hex digits) and its short form (8). */
  private static final Pattern IDS = Pattern.compile("\\b([0-9a-f]{64}|[0-9a-f]{8})\\b");

  /**
   * The text without what is random in every run and may hold a canary's digits by chance: the
   * test's own temporary folder (its name is digits) and ids.
   */
  private String scrubbed(String text) {
    return IDS.matcher(text.replace(tmp.toString(), "<tmp>")).replaceAll("<id>");
  }

  private static void assertNoCanary(String where, String text, List<String> canaries) {
    for (String canary : canaries) {
      assertThat(text).as("canary %s in %s", canary, where).doesNotContain(canary);
      assertThat(text.toUpperCase(Locale.ROOT))
          .as("canary %s in %s", canary, where)
          .doesNotContain(canary.toUpperCase(Locale.ROOT));
    }
  }

  /** Runs bdr in its own JVM with every logger at trace; returns the log of stdout and stderr. */
  private Path bdr(int expectedExit, String... args) throws IOException, InterruptedException {
    List<String> all = List.of(args);
    Path log = Files.createTempFile(tmp, "bdr-", ".log");
    Process p =
        BdrProcess.start(
            List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.showThreadName=true"),
            Map.of("BDR_HOME", tmp.resolve("home").toString()),
            log,
            all.toArray(String[]::new));
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bdr %s ended", all).isTrue();
    assertThat(p.exitValue())
        .as("bdr %s exit code:\n%s", all, Files.readString(log, StandardCharsets.UTF_8))
        .isEqualTo(expectedExit);
    return log;
  }

  private static List<String> readAll(List<Path> logs) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path log : logs) {
      out.add(Files.readString(log, StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * Files of every kind the scanner reads, holding the canaries, one canary file name, and one
   * canary folder name over a file that holds the canaries too.
   */
  private static Path seed(Path dir) throws IOException {
    Files.createDirectories(dir);
    String note =
        "Patient: " + NAME + "\nSSN: " + SSN + "\nPhone: " + PHONE + "\nMRN: " + MRN + "\n";
    Files.writeString(dir.resolve("note.txt"), note);
    Files.writeString(
        dir.resolve("patients.csv"),
        "FIRST,LAST,SSN,PHONE,MRN\nPhilomena,Brackenridge," + SSN + "," + PHONE + "," + MRN + "\n");
    Files.writeString(
        dir.resolve("adt.hl7"),
        "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5\rPID|1||"
            + MRN
            + "^^^H^MR||BRACKENRIDGE^PHILOMENA||19610314|||||"
            + PHONE
            + "||||||"
            + SSN
            + "\r");
    Files.writeString(dir.resolve("broken.json"), "{\"name\": \"" + NAME + "\", \"ssn\": \"" + SSN);
    Files.writeString(dir.resolve("fake.pdf"), "%PDF-1.7\n" + NAME + " " + SSN + "\n%%EOF junk");
    Files.write(
        dir.resolve("fake.docx"),
        ("PK\u0003\u0004" + NAME + SSN).getBytes(StandardCharsets.ISO_8859_1));
    Files.write(
        dir.resolve("blob.bin"),
        ("\u0000\u0001\u0002" + NAME + SSN).getBytes(StandardCharsets.ISO_8859_1));
    // Larger than the block policy holds in memory: read once to scan, not stored.
    Files.writeString(
        dir.resolve("export.txt"), "soup of the day, bread and butter\n".repeat(300_000) + note);
    Files.writeString(dir.resolve(FILE_NAME), "nothing to see\n");
    Files.writeString(Files.createDirectories(dir.resolve(FOLDER_NAME)).resolve("visit.txt"), note);
    Files.writeString(dir.resolve("menu.txt"), "soup of the day\n");
    return dir;
  }
}
