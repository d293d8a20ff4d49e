package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bdr.testing.ScratchRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bdr snapshots} with filters, sorting and pages. */
class SnapshotsCommandTest {

  static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static ScratchRepository scratch;
  static List<String> ids = new ArrayList<>();

  /** Eight snapshots a day apart: even days full of /srv/records, odd ones of /srv/billing. */
  @BeforeAll
  static void write() throws Exception {
    scratch = new ScratchRepository(tmp);
    for (int i = 0; i < 8; i++) {
      ids.add(
          scratch
              .snapshot(
                  T0.plus(Duration.ofDays(i)),
                  List.of(i % 2 == 0 ? "/srv/records" : "/srv/billing"),
                  i % 2 == 0 ? "full" : "incremental",
                  i == 3 ? "before upgrade" : null,
                  (8 - i) * 1000L,
                  false)
              .hex());
    }
  }

  private static CommandLineRunner.Result bdr(String... args) {
    List<String> all = new ArrayList<>(List.of("snapshots"));
    all.addAll(List.of(args));
    all.addAll(scratch.arguments());
    return CommandLineRunner.run(scratch.env, all.toArray(String[]::new));
  }

  private static List<String> jsonIds(CommandLineRunner.Result r) throws Exception {
    List<String> out = new ArrayList<>();
    JSON.readTree(r.requireSuccess().stdout())
        .path("snapshots")
        .forEach(s -> out.add(s.path("id").asText()));
    return out;
  }

  @Test
  void snapshots_noOptions_everySnapshotOldestFirstWithTotals() throws Exception {
    CommandLineRunner.Result text = bdr().requireSuccess();
    JsonNode json = JSON.readTree(bdr("--json").requireSuccess().stdout());

    assertThat(text.stdout())
        .contains("8 snapshots; the repository takes")
        .doesNotContain("next page");
    assertThat(jsonIds(bdr("--json"))).isEqualTo(ids);
    assertThat(json.path("nextCursor").isNull()).isTrue();
    assertThat(json.path("matching").asInt()).isEqualTo(8);
    assertThat(json.path("totals").path("snapshots").asInt()).isEqualTo(8);
    assertThat(json.path("totals").path("storedBytes").asLong()).isPositive();
  }

  @Test
  void snapshots_filters_listOnlyMatches() throws Exception {
    assertThat(jsonIds(bdr("--json", "--type", "full")))
        .containsExactly(ids.get(0), ids.get(2), ids.get(4), ids.get(6));
    assertThat(jsonIds(bdr("--json", "--label", "before upgrade"))).containsExactly(ids.get(3));
    assertThat(jsonIds(bdr("--json", "--path", "/srv/billing/claims.csv")))
        .containsExactly(ids.get(1), ids.get(3), ids.get(5), ids.get(7));
    assertThat(
            jsonIds(
                bdr(
                    "--json",
                    "--since",
                    "2026-02-03T10:00:00Z",
                    "--until",
                    "2026-02-05T10:00:00Z")))
        .containsExactly(ids.get(2), ids.get(3));
  }

  @Test
  void snapshots_sizeDescendingInPages_printsTheNextCursor() throws Exception {
    CommandLineRunner.Result first = bdr("--sort", "size", "--limit", "3").requireSuccess();
    String cursor =
        first
            .stdout()
            .lines()
            .filter(l -> l.startsWith("next page: --cursor "))
            .findFirst()
            .orElseThrow()
            .substring(20);
    CommandLineRunner.Result second =
        bdr("--json", "--sort", "size", "--limit", "3", "--cursor", cursor);
    CommandLineRunner.Result desc = bdr("--json", "--sort", "size", "--desc", "--limit", "2");

    assertThat(first.stdout()).contains("3 of 8 matching snapshots");
    assertThat(first.stdout())
        .contains(ids.get(7).substring(0, 8))
        .contains(ids.get(5).substring(0, 8));
    assertThat(jsonIds(second)).containsExactly(ids.get(4), ids.get(3), ids.get(2));
    assertThat(jsonIds(desc)).containsExactly(ids.get(0), ids.get(1));
  }

  @Test
  void snapshots_badArguments_failNamingTheOption() throws Exception {
    CommandLineRunner.Result limit = bdr("--json", "--limit", "0");
    CommandLineRunner.Result cursor = bdr("--cursor", "nonsense");
    CommandLineRunner.Result sort = bdr("--sort", "name");
    CommandLineRunner.Result since = bdr("--since", "last week");

    assertThat(limit.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(limit.stdout()).path("error").path("code").asText())
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(limit.stderr()).contains("limit must be between 1 and 1000, got 0");
    assertThat(cursor.exitCode()).isEqualTo(1);
    assertThat(cursor.stderr()).contains("cursor is not a cursor bdr gave out");
    assertThat(sort.stderr()).contains("--sort must be date or size, got 'name'");
    assertThat(since.stderr()).contains("--since must be an RFC 3339 time");
  }
}
