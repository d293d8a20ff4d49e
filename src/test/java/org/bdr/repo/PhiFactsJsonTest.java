package org.bdr.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PHI facts of a snapshot as JSON: written with folder names, read from older snapshots. */
class PhiFactsJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void read_snapshotWrittenBeforeFolderNamesWereScanned_noFoldersAndFileEntries() throws Exception {
    String older =
        "{\"policy\":\"report\",\"sensitivity\":\"medium\",\"files\":1,\"findings\":2,"
            + "\"by_type\":{\"SSN\":2},\"blocked\":0,\"not_scanned\":0,\"tagged\":false,"
            + "\"entries\":[{\"path\":\"/srv/a.txt\",\"by_type\":{\"SSN\":2},"
            + "\"highest_confidence\":0.9,\"blocked\":false}]}";

    PhiFacts facts = JSON.readValue(older, PhiFacts.class);

    assertThat(facts.folders()).isZero();
    assertThat(facts.files()).isEqualTo(1);
    assertThat(facts.entries())
        .containsExactly(new PhiFileFacts("/srv/a.txt", Map.of("SSN", 2L), 0.9, false, false));
  }

  @Test
  void writeThenRead_folderEntry_keepsFolderAndCount() throws Exception {
    PhiFileFacts folder =
        new PhiFileFacts("/srv/x", Map.of("NAME", 1L, "DATE", 1L), 0.6, true, true);
    PhiFacts facts =
        new PhiFacts("block", "medium", 0, 1, 2, Map.of("NAME", 1L), 1, 0, false, List.of(folder));

    String text = JSON.writeValueAsString(facts);

    assertThat(JSON.readValue(text, PhiFacts.class)).isEqualTo(facts);
    assertThat(JSON.readTree(text).path("folders").asLong()).isEqualTo(1);
    assertThat(JSON.readTree(text).at("/entries/0/folder").asBoolean()).isTrue();
  }
}
