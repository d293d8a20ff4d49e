package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.interop.CraftedSnapshots.file;
import static org.bdr.interop.CraftedSnapshots.folder;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bdr.cli.CommandLineRunner;
import org.bdr.repo.Id;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries whose names could lead a restore out of its folder are skipped and reported by their
 * folder; everything else is restored; check names them, and names duplicated entries.
 */
class UnsafeNamesTest {

  @TempDir Path tmp;

  Workbench bench;

  @BeforeEach
  void repository() throws Exception {
    bench = new Workbench(tmp);
    bench.bdr("init").requireSuccess();
  }

  @Test
  void restore_unsafeNames_skipsThemReportsTheirFolderAndRestoresTheRest() throws Exception {
    Id snapshot =
        CraftedSnapshots.store(
            bench.repo,
            Workbench.PASSWORD,
            "/practice",
            file("", "empty name"),
            file(".", "dot"),
            file("..", "escape"),
            file("a/b", "slash"),
            file("good.txt", "fine\n"),
            folder("letters", file("..", "escape again"), file("inner.txt", "inner\n")),
            file("nul\0name", "nul"));
    Path out = Files.createDirectory(tmp.resolve("out"));
    Path target = out.resolve("target");

    CommandLineRunner.Result restore =
        bench.bdr("restore", snapshot.shortHex(), "--target", target.toString(), "--json");

    assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
    JsonNode failed = Workbench.JSON.readTree(restore.stdout()).path("result").path("failed");
    List<String> paths = new ArrayList<>();
    for (JsonNode f : failed) {
      paths.add(f.path("path").asText());
      assertThat(f.path("reason").asText()).contains("unsafe name").contains("BACKUP_CORRUPTED");
    }
    assertThat(paths)
        .containsExactly(
            "/practice", "/practice", "/practice", "/practice", "/practice", "/practice/letters");
    assertThat(files(out))
        .containsExactlyInAnyOrder("target/practice/good.txt", "target/practice/letters/inner.txt");
    assertThat(target.resolve("practice/good.txt")).hasContent("fine\n");
    assertThat(target.resolve("practice/letters/inner.txt")).hasContent("inner\n");
  }

  @Test
  void check_unsafeAndDuplicateNames_reportsEach() throws Exception {
    Id snapshot =
        CraftedSnapshots.store(
            bench.repo,
            Workbench.PASSWORD,
            "/practice",
            file("..", "escape"),
            file("dup.txt", "one"),
            file("dup.txt", "two"),
            file("good.txt", "fine\n"));

    CommandLineRunner.Result check = bench.bdr("check");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stdout())
        .contains(
            "error: snapshot "
                + snapshot.shortHex()
                + ": folder /practice holds an entry with an unsafe name \"..\"")
        .contains(
            "error: snapshot "
                + snapshot.shortHex()
                + ": folder /practice holds 2 entries named \"dup.txt\"")
        .contains("2 errors");
  }

  @Test
  void check_safeNames_findsNoErrors() throws Exception {
    CraftedSnapshots.store(
        bench.repo,
        Workbench.PASSWORD,
        "/practice",
        file("...", "three dots are a name"),
        file(".hidden", "h"),
        folder("letters", file("a..b", "x")));

    CommandLineRunner.Result check = bench.bdr("check");

    assertThat(check.exitCode()).as(check.stdout()).isZero();
  }

  /** Every regular file under {@code root}, relative, with '/' separators. */
  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
    }
  }
}
