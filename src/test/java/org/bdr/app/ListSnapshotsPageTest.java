package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bdr.app.ListSnapshots.Query;
import org.bdr.app.ListSnapshots.Query.Sort;
import org.bdr.repo.Id;
import org.bdr.testing.ScratchRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pages of 120 crafted snapshots: filters, both sorts in both directions, cursors. */
class ListSnapshotsPageTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final int COUNT = 120;

  /** What the test wrote, independent of bdr's reading. */
  record Made(String id, Instant time, String type, String label, String path, long size) {}

  @TempDir static Path tmp;
  static ScratchRepository scratch;
  static List<Made> made = new ArrayList<>();

  @BeforeAll
  static void write() throws IOException {
    scratch = new ScratchRepository(tmp);
    for (int i = 0; i < COUNT; i++) {
      Instant time = T0.plus(Duration.ofHours(i));
      String type = i % 3 == 0 ? "full" : "incremental";
      String label = i % 10 == 0 ? "monthly" : null;
      String path = i % 2 == 0 ? "/srv/records" : "/srv/billing";
      long size = (i * 7919L) % 50 * 1000;
      Id id = scratch.snapshot(time, List.of(path), type, label, size, false);
      made.add(new Made(id.hex(), time, type, label, path, size));
    }
  }

  private static ListSnapshots use() {
    return new ListSnapshots(scratch.opener());
  }

  private static Query query(Sort sort, boolean desc, int limit) {
    return new Query(null, null, null, null, null, sort, desc, limit, null);
  }

  /** Every page of a query, followed by its cursors. */
  private static List<ListSnapshots.Page> pages(Query first) throws IOException {
    List<ListSnapshots.Page> out = new ArrayList<>();
    Query q = first;
    do {
      ListSnapshots.Page page = use().page(scratch.options(), q);
      out.add(page);
      q = q.withCursor(page.nextCursor());
    } while (out.get(out.size() - 1).nextCursor() != null);
    return out;
  }

  private static List<String> ids(List<ListSnapshots.Page> pages) {
    return pages.stream().flatMap(p -> p.snapshots().stream()).map(SnapshotInfo::id).toList();
  }

  @Test
  void page_defaults_fiftyOldestFirstThenTheRest() throws IOException {
    List<ListSnapshots.Page> pages = pages(Query.defaults());

    assertThat(pages).extracting(p -> p.snapshots().size()).containsExactly(50, 50, 20);
    assertThat(pages.get(2).nextCursor()).isNull();
    assertThat(ids(pages)).containsExactlyElementsOf(made.stream().map(Made::id).toList());
    assertThat(pages).allSatisfy(p -> assertThat(p.matching()).isEqualTo(COUNT));
    assertThat(pages).allSatisfy(p -> assertThat(p.problems()).isEmpty());
  }

  @Test
  void page_totals_countEveryRepositoryFile() throws IOException {
    long onDisk;
    long packs;
    try (Stream<Path> files = Files.walk(scratch.repo)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      onDisk = all.stream().mapToLong(ListSnapshotsPageTest::size).sum();
      packs = all.stream().filter(p -> p.startsWith(scratch.repo.resolve("data"))).count();
    }

    ListSnapshots.Totals totals = use().page(scratch.options(), Query.defaults()).totals();

    assertThat(totals.snapshots()).isEqualTo(COUNT);
    assertThat(totals.storedBytes()).isEqualTo(onDisk);
    assertThat(totals.packFiles()).isEqualTo(packs).isPositive();
  }

  static Stream<Arguments> orders() {
    Comparator<Made> byTime = Comparator.comparing(Made::time);
    Comparator<Made> bySize = Comparator.comparingLong(Made::size).thenComparing(byTime);
    return Stream.of(
        Arguments.of(Sort.DATE, false, byTime),
        Arguments.of(Sort.DATE, true, byTime.reversed()),
        Arguments.of(Sort.SIZE, false, bySize),
        Arguments.of(Sort.SIZE, true, bySize.reversed()));
  }

  @ParameterizedTest(name = "{0} descending={1}")
  @MethodSource("orders")
  void page_sortedPagesOf17_followTheOrderWithoutRepeats(
      Sort sort, boolean desc, Comparator<Made> expected) throws IOException {
    List<ListSnapshots.Page> pages = pages(query(sort, desc, 17));

    assertThat(pages).hasSize(8);
    assertThat(ids(pages))
        .containsExactlyElementsOf(made.stream().sorted(expected).map(Made::id).toList());
  }

  static Stream<Arguments> filters() {
    Instant from = T0.plus(Duration.ofHours(10));
    Instant to = T0.plus(Duration.ofHours(20));
    return Stream.of(
        Arguments.of(
            "type full", q("full", null, null, null, null), is(m -> "full".equals(m.type()))),
        Arguments.of(
            "type incremental",
            q("incremental", null, null, null, null),
            is(m -> "incremental".equals(m.type()))),
        Arguments.of(
            "label", q(null, "monthly", null, null, null), is(m -> "monthly".equals(m.label()))),
        Arguments.of(
            "source itself",
            q(null, null, "/srv/records", null, null),
            is(m -> m.path().equals("/srv/records"))),
        Arguments.of(
            "file inside a source",
            q(null, null, "/srv/billing/2026/../claims.csv", null, null),
            is(m -> m.path().equals("/srv/billing"))),
        Arguments.of(
            "folder above every source", q(null, null, "/srv", null, null), is(m -> false)),
        Arguments.of(
            "from inclusive, to exclusive",
            q(null, null, null, from, to),
            is(m -> !m.time().isBefore(from) && m.time().isBefore(to))),
        Arguments.of(
            "all filters",
            q("full", "monthly", "/srv/records", null, to.plus(Duration.ofDays(1))),
            is(
                m ->
                    "full".equals(m.type())
                        && "monthly".equals(m.label())
                        && m.path().equals("/srv/records")
                        && m.time().isBefore(to.plus(Duration.ofDays(1))))));
  }

  private static Query q(String type, String label, String path, Instant from, Instant to) {
    return new Query(type, label, path, from, to, Sort.DATE, false, 1000, null);
  }

  private static Predicate<Made> is(Predicate<Made> p) {
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void page_filter_listsExactlyTheMatchingSnapshots(
      String name, Query query, Predicate<Made> expected) throws IOException {
    ListSnapshots.Page page = use().page(scratch.options(), query);

    List<String> want = made.stream().filter(expected).map(Made::id).toList();
    assertThat(page.snapshots()).extracting(SnapshotInfo::id).containsExactlyElementsOf(want);
    assertThat(page.matching()).isEqualTo(want.size());
    assertThat(page.totals().snapshots()).isEqualTo(COUNT);
  }

  @Test
  void run_withoutQuery_stillListsEverySnapshotOldestFirst() throws IOException {
    ListSnapshots.Listing listing = use().run(scratch.options());

    assertThat(listing.snapshots())
        .extracting(SnapshotInfo::id)
        .containsExactlyElementsOf(made.stream().map(Made::id).toList());
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
