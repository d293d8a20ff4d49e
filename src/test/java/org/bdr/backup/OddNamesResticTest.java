package org.bdr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bdr.backend.LocalBackend;
import org.bdr.repo.Repository;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names with backslashes, quotes and control characters are stored as restic stores them. */
class OddNamesResticTest {

  @TempDir Path tmp;

  @Test
  void run_namesNeedingQuotes_resticRestoresThemExactly() throws Exception {
    ResticBinary.require();
    Path data = Files.createDirectories(tmp.resolve("data"));
    Set<String> names =
        Set.of("Scan C:\\Befund.pdf", "say \"hi\".txt", "new\nline", "tab\there", "ok.txt");
    for (String name : names) {
      Files.writeString(data.resolve(name), name);
    }
    Path repoDir = tmp.resolve("repo");
    Repository repo =
        Repository.init(new LocalBackend(repoDir), "pw".toCharArray(), "3da3358b4dc173", "u", "h");
    new Archiver(repo, BackupProgress.NONE, () -> false)
        .run(new BackupRequest(List.of(data), List.of(), BackupType.FULL, null, "h"), null);

    ResticBinary restic = new ResticBinary(repoDir, "pw", tmp.resolve("cache"));
    restic.run("check", "--read-data").requireSuccess();
    Path out = tmp.resolve("out");
    restic.run("restore", "latest", "--target", out.toString()).requireSuccess();

    Path restored = out.resolve(data.toString().substring(1));
    try (Stream<Path> files = Files.list(restored)) {
      Set<String> got = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
      assertThat(got).isEqualTo(names);
    }
    for (String name : names) {
      assertThat(Files.readString(restored.resolve(name))).isEqualTo(name);
    }
  }
}
