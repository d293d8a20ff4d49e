package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bdr.app.ListSnapshots.Query;
import org.bdr.app.ListSnapshots.Query.Sort;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Id;
import org.bdr.testing.ScratchRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cursors stay valid while snapshots are added, and bad arguments are refused by name. */
class ListSnapshotsCursorTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path tmp;
  ScratchRepository scratch;
  List<String> ids = new ArrayList<>();

  @BeforeEach
  void write() throws IOException {
    scratch = new ScratchRepository(tmp);
    for (int i = 0; i < 12; i++) {
      ids.add(hours(i, 1000 + i).hex());
    }
  }

  private Id hours(int h, long size) throws IOException {
    return scratch.snapshot(
        T0.plus(Duration.ofHours(h)), List.of("/srv/records"), "incremental", null, size, false);
  }

  private ListSnapshots.Page page(Query q) throws IOException {
    return new ListSnapshots(scratch.opener()).page(scratch.options(), q);
  }

  @Test
  void page_snapshotsAddedBetweenPages_neitherRepeatNorSkipTheOthers() throws IOException {
    Query first = new Query(null, null, null, null, null, Sort.DATE, false, 5, null);
    ListSnapshots.Page one = page(first);
    String older = hours(-1, 1).hex();
    String middle = hours(2, 1).hex();
    String newer = hours(20, 1).hex();

    ListSnapshots.Page two = page(first.withCursor(one.nextCursor()));
    ListSnapshots.Page three = page(first.withCursor(two.nextCursor()));

    assertThat(one.snapshots()).extracting(SnapshotInfo::id).isEqualTo(ids.subList(0, 5));
    assertThat(two.snapshots()).extracting(SnapshotInfo::id).isEqualTo(ids.subList(5, 10));
    assertThat(three.snapshots())
        .extracting(SnapshotInfo::id)
        .containsExactly(ids.get(10), ids.get(11), newer);
    assertThat(three.nextCursor()).isNull();
    assertThat(three.matching()).isEqualTo(15);
    assertThat(List.of(one, two, three))
        .flatExtracting(ListSnapshots.Page::snapshots)
        .extracting(SnapshotInfo::id)
        .doesNotContain(older, middle);
  }

  @Test
  void page_descendingWhileANewerSnapshotArrives_continuesWithTheOlderOnes() throws IOException {
    Query first = new Query(null, null, null, null, null, Sort.SIZE, true, 4, null);
    ListSnapshots.Page one = page(first);
    hours(30, 5000);

    ListSnapshots.Page two = page(first.withCursor(one.nextCursor()));

    assertThat(one.snapshots())
        .extracting(SnapshotInfo::id)
        .containsExactly(ids.get(11), ids.get(10), ids.get(9), ids.get(8));
    assertThat(two.snapshots())
        .extracting(SnapshotInfo::id)
        .containsExactly(ids.get(7), ids.get(6), ids.get(5), ids.get(4));
  }

  @Test
  void page_sizeSort_resticSnapshotsOfUnknownSizeCountAsSmallest() throws IOException {
    String restic = scratch.resticSnapshot(T0.plus(Duration.ofDays(3)), List.of("/srv")).hex();

    ListSnapshots.Page page =
        page(new Query(null, null, null, null, null, Sort.SIZE, false, 2, null));

    assertThat(page.snapshots()).extracting(SnapshotInfo::id).containsExactly(restic, ids.get(0));
    assertThat(page.snapshots().get(0).size()).isEqualTo(-1);
  }

  @Test
  void page_cursorOfAnotherSort_isRefusedAsForeign() throws IOException {
    String bySize =
        page(new Query(null, null, null, null, null, Sort.SIZE, false, 3, null)).nextCursor();

    assertThatThrownBy(() -> page(Query.defaults().withCursor(bySize)))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageStartingWith("cursor belongs to a different listing");
  }

  @Test
  void page_cursorOfAnotherRepository_isRefusedAsForeign() throws IOException {
    ScratchRepository other = new ScratchRepository(tmp.resolve("other"));
    for (int i = 0; i < 3; i++) {
      other.snapshot(T0.plusSeconds(i), List.of("/srv"), "full", null, 1, false);
    }
    Query small = new Query(null, null, null, null, null, Sort.DATE, false, 1, null);
    String foreign = new ListSnapshots(other.opener()).page(other.options(), small).nextCursor();

    Query withForeign = small.withCursor(foreign);
    assertThatThrownBy(() -> page(withForeign))
        .isInstanceOf(BdrException.class)
        .hasMessageStartingWith("cursor belongs to a different listing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void page_malformedCursor_isRefusedNamingCursor(String cursor) {
    assertThatThrownBy(() -> page(Query.defaults().withCursor(cursor)))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage("cursor is not a cursor bdr gave out");
  }

  static Stream<String> garbage() {
    return Stream.of("not base64!", "aGVsbG8", "MXwxMjM0fDF8Mnwzfg");
  }

  static Stream<Arguments> invalidQueries() {
    Instant t = T0;
    return Stream.of(
        Arguments.of(
            (Runnable) () -> new Query(null, null, null, null, null, Sort.DATE, false, 0, null),
            "limit must be between 1 and 1000, got 0"),
        Arguments.of(
            (Runnable) () -> new Query(null, null, null, null, null, Sort.DATE, false, 1001, null),
            "limit must be between 1 and 1000, got 1001"),
        Arguments.of(
            (Runnable) () -> new Query("daily", null, null, null, null, Sort.DATE, false, 5, null),
            "type must be incremental or full, got 'daily'"),
        Arguments.of(
            (Runnable) () -> new Query(null, null, "srv/x", null, null, Sort.DATE, false, 5, null),
            "path must be an absolute path, got 'srv/x'"),
        Arguments.of(
            (Runnable) () -> new Query(null, null, null, t, t, Sort.DATE, false, 5, null),
            "from must be before to, got from " + t + " and to " + t),
        Arguments.of(
            (Runnable) () -> Query.time("--since", "yesterday", false, ZoneOffset.UTC),
            "--since must be an RFC 3339 time such as 2026-12-04T09:00:00Z or a date such as"
                + " 2026-12-04, got 'yesterday'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidQueries")
  void query_invalidValue_invalidArgumentNamingTheField(Runnable make, String message) {
    assertThatThrownBy(make::run)
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage(message);
  }

  @Test
  void time_dateOrRfc3339_boundsAsPeopleMeanThem() {
    ZoneOffset plus2 = ZoneOffset.ofHours(2);

    assertThat(Query.time("--since", "2026-12-04", false, plus2))
        .isEqualTo(Instant.parse("2026-12-03T22:00:00Z"));
    assertThat(Query.time("--until", "2026-12-04", true, plus2))
        .isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
    assertThat(Query.time("--until", "2026-12-04T09:30:00+01:00", true, plus2))
        .isEqualTo(Instant.parse("2026-12-04T08:30:00Z"));
  }
}
