package org.bdr.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real restic is the oracle: it backs up files into a fresh repository, and bdr's chunker must
 * cut the same files into blobs with the same ids, using the polynomial restic chose.
 */
class ResticOracleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int MAX_SIZE_PLUS_TAIL = Chunker.MAX_SIZE + 4321;

  @TempDir Path temp;

  private Path restic;

  @Test
  void next_filesBackedUpByRestic_sameBlobIds() throws Exception {
    restic = findRestic();
    restic("init", "--repository-version", "2");
    Polynomial pol =
        Polynomial.parseHex(
            JSON.readTree(restic("cat", "config")).get("chunker_polynomial").asText());
    Map<String, byte[]> files = writeFiles(pol);

    restic("backup", "data");

    Map<String, List<String>> expected = resticBlobIds();
    assertThat(expected).as("files in restic's snapshot").containsOnlyKeys(files.keySet());
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      assertThat(blobIds(pol, temp.resolve(file.getKey())))
          .as(file.getKey())
          .isEqualTo(expected.get(file.getKey()));
    }
  }

  /** Files that between them end chunks by content, at MIN_SIZE, at MAX_SIZE and at end of file. */
  private Map<String, byte[]> writeFiles(Polynomial pol) throws IOException {
    byte[] noCut = new byte[MAX_SIZE_PLUS_TAIL];
    Arrays.fill(noCut, noCutByte(pol));
    Map<String, byte[]> files = new TreeMap<>();
    files.put("data/large.bin", Feeder.randomBytes(40, 40 * 1024 * 1024));
    files.put("data/small.bin", Feeder.randomBytes(41, 3 * 1024));
    files.put("data/min-plus-one.bin", Feeder.randomBytes(42, Chunker.MIN_SIZE + 1));
    files.put("data/empty.bin", new byte[0]);
    files.put("data/sub/zeros.bin", new byte[3 * Chunker.MIN_SIZE + 5]);
    files.put("data/sub/constant.bin", noCut);

    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = temp.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
    return files;
  }

  /** A byte that never cuts when it fills the window, so a run of it is cut at MAX_SIZE. */
  private static byte noCutByte(Polynomial pol) {
    for (int b = 1; b < 256; b++) {
      if ((Fingerprint.ofConstantWindow(pol, (byte) b) & 0xfffff) != 0) {
        return (byte) b;
      }
    }
    throw new AssertionError("every byte value cuts under " + pol);
  }

  /** Blob ids of the file chunked by bdr, read in buffers of a size restic does not use. */
  private static List<String> blobIds(Polynomial pol, Path file)
      throws IOException, NoSuchAlgorithmException {
    Chunker chunker = new Chunker(pol);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    List<String> ids = new ArrayList<>();
    boolean pending = false;
    byte[] buf = new byte[1_000_003];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n != -1; n = in.read(buf)) {
        int off = 0;
        for (int cut = chunker.next(buf, off, n - off);
            cut != -1;
            cut = chunker.next(buf, off, n - off)) {
          sha256.update(buf, off, cut);
          ids.add(HexFormat.of().formatHex(sha256.digest()));
          off += cut;
          pending = false;
        }
        sha256.update(buf, off, n - off);
        pending |= off < n;
      }
    }
    if (pending) {
      ids.add(HexFormat.of().formatHex(sha256.digest()));
    }
    return ids;
  }

  /** The content blob ids of every file in the repository's only snapshot, by path. */
  private Map<String, List<String>> resticBlobIds() throws IOException, InterruptedException {
    JsonNode snapshots = JSON.readTree(restic("snapshots", "--json"));
    assertThat(snapshots).as("snapshots").hasSize(1);
    String snapshotId = snapshots.get(0).get("id").asText();
    String tree = JSON.readTree(restic("cat", "snapshot", snapshotId)).get("tree").asText();

    Map<String, List<String>> files = new TreeMap<>();
    walk(tree, "", files);
    return files;
  }

  private void walk(String treeId, String prefix, Map<String, List<String>> files)
      throws IOException, InterruptedException {
    for (JsonNode node : JSON.readTree(restic("cat", "blob", treeId)).get("nodes")) {
      String path = prefix + node.get("name").asText();
      switch (node.get("type").asText()) {
        case "dir" -> walk(node.get("subtree").asText(), path + "/", files);
        case "file" -> files.put(path, textList(node.get("content")));
        default -> fail("unexpected node type in " + path + ": " + node.get("type"));
      }
    }
  }

  private static List<String> textList(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null) {
      array.forEach(id -> texts.add(id.asText()));
    }
    return texts;
  }

  /** Runs restic on the test's repository and returns its standard output. */
  private String restic(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(restic.toString(), "-r", "repo", "--no-cache", "--quiet"));
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile(temp, "restic", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(temp.toFile()).redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("RESTIC_"));
    builder.environment().put("RESTIC_PASSWORD", "oracle-test-only");
    builder.environment().put("RESTIC_CACHE_DIR", temp.resolve("cache").toString());

    Process process = builder.start();
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("restic " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    if (process.exitValue() != 0) {
      fail(
          "restic "
              + String.join(" ", args)
              + " exited with "
              + process.exitValue()
              + ": "
              + Files.readString(stderr));
    }
    return stdout;
  }

  /** Finds restic on the PATH; CI must have it, elsewhere the test is skipped without it. */
  private static Path findRestic() {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, "restic"))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
      fail(
          "restic is not on the PATH, and CI must run the restic oracle test; install restic 0.14+");
    }
    Assumptions.assumeTrue(
        found.isPresent(), "restic is not on the PATH; install it to run the restic oracle test");
    return found.orElseThrow();
  }
}
