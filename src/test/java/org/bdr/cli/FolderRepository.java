package org.bdr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The bdr command line on the repository of one test folder: {@code folder/repo}, unlocked by the
 * password file {@code folder/passwordFile}, with {@code folder/home} as BDR_HOME.
 */
record FolderRepository(Path folder, String passwordFile) {

  private static final ObjectMapper JSON = new ObjectMapper();

  CommandLineRunner.Result bdr(String... args) {
    return CommandLineRunner.inFolder(folder, passwordFile, args);
  }

  /** The snapshots, as {@code bdr snapshots --json} lists them. */
  JsonNode snapshots() throws IOException {
    return JSON.readTree(bdr("snapshots", "--json").requireSuccess().stdout()).path("snapshots");
  }

  /** What {@code bdr ls latest} prints. */
  String latestListing() {
    return bdr("ls", "latest").requireSuccess().stdout();
  }
}
