package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bdr.cli.CommandLineRunner;
import org.bdr.testing.FileTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters in names reach the terminal escaped, so that they cannot rewrite it; JSON
 * output carries them exactly. Labels with control characters are refused.
 */
class ControlCharactersTest {

  static final String NAME = "evil\u001b[2J\rname\u0007.txt";
  static final String LABEL = "desk";

  @TempDir Path tmp;

  Workbench bench;
  Path source;

  @BeforeEach
  void backupOfAFileWithControlCharacters() throws Exception {
    bench = new Workbench(tmp);
    source = tmp.resolve("practice");
    FileTree.write(source, List.of(text(NAME, "x\n"), text("plain.txt", "y\n")));
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString(), "--label", LABEL).requireSuccess();
  }

  @Test
  void ls_text_escapesControlCharacters() {
    CommandLineRunner.Result ls = bench.bdr("ls", "latest").requireSuccess();

    assertThat(ls.stdout())
        .contains(source + "/evil\\x1b[2J\\rname\\a.txt\n")
        .contains(source + "/plain.txt\n");
    assertThat(controlCharacters(ls.stdout())).isEmpty();
  }

  @Test
  void ls_json_keepsNamesExact() throws Exception {
    CommandLineRunner.Result ls = bench.bdr("ls", "latest", "--json").requireSuccess();

    List<String> paths = new ArrayList<>();
    for (JsonNode e : Workbench.JSON.readTree(ls.stdout()).path("entries")) {
      paths.add(e.path("path").asText());
    }
    assertThat(paths).contains(source.resolve(NAME).toString());
  }

  @Test
  void backup_labelWithControlCharacters_refusedAndNoSnapshotSaved() throws Exception {
    CommandLineRunner.Result backup =
        bench.bdr("backup", source.toString(), "--label", "desk\u001b[31m");

    assertThat(backup.exitCode()).isEqualTo(1);
    assertThat(backup.stderr()).contains("holds control characters");
    assertThat(controlCharacters(backup.stderr())).isEmpty();
    JsonNode snapshots =
        Workbench.JSON
            .readTree(bench.bdr("snapshots", "--json").requireSuccess().stdout())
            .path("snapshots");
    assertThat(snapshots).hasSize(1);
    assertThat(snapshots.get(0).path("label").asText()).isEqualTo(LABEL);
  }

  /** The control characters in {@code text} other than the newlines that end its lines. */
  private static List<Integer> controlCharacters(String text) {
    return text.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f)).boxed().toList();
  }
}
