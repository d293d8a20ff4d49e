package org.bdr.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryResticTest {

  static final String POLYNOMIAL = "3da3358b4dc173";

  @TempDir Path tmp;

  @Test
  void handWrittenSnapshot_resticChecksListsAndDumpsIt() throws Exception {
    ResticBinary.require();
    Path repoDir = tmp.resolve("repo");
    Repository repo =
        Repository.init(new LocalBackend(repoDir), "pw".toCharArray(), POLYNOMIAL, "u", "h");

    byte[] content = "hello, restic\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    Id blob = Id.hash(content);
    repo.saveBlob(BlobType.DATA, blob, content, 0, content.length);
    String now = OffsetDateTime.now().toString();
    Node file =
        new Node(
            "note.txt",
            "file",
            0644,
            now,
            now,
            now,
            0,
            0,
            null,
            null,
            1,
            1,
            content.length,
            1,
            null,
            0,
            List.of(blob.hex()),
            null);
    Id tree = repo.saveTree(new Tree(List.of(file)));
    repo.flush();
    repo.saveSnapshot(
        new Snapshot(
            now,
            null,
            tree.hex(),
            List.of("/data"),
            "h",
            "u",
            0,
            0,
            List.of(),
            List.of(),
            "bdr",
            null));

    ResticBinary restic = new ResticBinary(repoDir, "pw", tmp.resolve("cache"));
    restic.run("check", "--read-data").requireSuccess();
    String listing = restic.run("ls", "latest").requireSuccess().stdout();
    assertThat(listing).contains("/note.txt");
    String dumped = restic.run("dump", "latest", "/note.txt").requireSuccess().stdout();
    assertThat(dumped).isEqualTo(new String(content, StandardCharsets.UTF_8));
  }

  @Test
  void open_afterInit_readsBackBlobsAndSnapshots() throws Exception {
    Path repoDir = tmp.resolve("repo");
    Repository repo =
        Repository.init(new LocalBackend(repoDir), "pw".toCharArray(), POLYNOMIAL, "u", "h");
    byte[] content = new byte[100_000];
    new java.util.Random(1).nextBytes(content);
    Id blob = Id.hash(content);
    repo.saveBlob(BlobType.DATA, blob, content, 0, content.length);
    repo.flush();

    Repository again = Repository.open(new LocalBackend(repoDir), "pw".toCharArray());
    assertThat(again.loadBlob(BlobType.DATA, blob)).isEqualTo(content);
    assertThat(again.config().chunkerPolynomial()).isEqualTo(POLYNOMIAL);
  }
}
