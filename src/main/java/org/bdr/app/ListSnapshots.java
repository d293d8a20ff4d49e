package org.bdr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;

/**
 * Lists a repository's snapshots: all of them oldest first, or a page of those matching a {@link
 * Query}, with the repository's storage totals.
 */
public final class ListSnapshots {

  private final RepositoryOpener opener;

  /** A use case opening repositories with {@code opener}. */
  public ListSnapshots(RepositoryOpener opener) {
    this.opener = opener;
  }

  /**
   * The snapshots that could be read, oldest first, and the snapshot files that could not.
   *
   * @param snapshots the snapshots
   * @param problems one line per unreadable snapshot file
   */
  public record Listing(List<SnapshotInfo> snapshots, List<String> problems) {}

  /**
   * One page of matching snapshots.
   *
   * @param snapshots the snapshots on this page, in the query's order
   * @param nextCursor the cursor for the next page; null on the last page
   * @param matching how many snapshots match the filters, on all pages together
   * @param totals what the whole repository holds
   * @param problems one line per snapshot file that could not be read (left out of the listing)
   */
  public record Page(
      List<SnapshotInfo> snapshots,
      String nextCursor,
      int matching,
      Totals totals,
      List<String> problems) {

    /** Copies the lists. */
    public Page {
      snapshots = List.copyOf(snapshots);
      problems = List.copyOf(problems);
    }
  }

  /**
   * What the whole repository holds, whatever the filters.
   *
   * @param snapshots readable snapshots
   * @param storedBytes the size of every repository file together (config, keys, locks, snapshots,
   *     index and pack files): the storage the repository takes
   * @param packFiles pack files, which hold the backed-up data
   * @param packBytes their size together
   */
  public record Totals(int snapshots, long storedBytes, long packFiles, long packBytes) {}

  /**
   * Which snapshots to list, in what order, and which page.
   *
   * @param type {@code incremental} or {@code full}; null for any (snapshots restic wrote have no
   *     type and match only null)
   * @param label the exact label; null for any
   * @param path a source path, absolute (it is normalised): matches snapshots that backed up it or
   *     a folder above it; null for any
   * @param from the earliest start time, inclusive; null for no bound
   * @param to the latest start time, exclusive; null for no bound
   * @param sort by start time or by size (snapshots of unknown size, written by restic, count as
   *     smallest); ties by start time, then id; null means by date
   * @param descending newest or largest first
   * @param limit how many snapshots a page holds, 1 to {@value #MAX_LIMIT}
   * @param cursor where the previous page ended ({@link Page#nextCursor()}); null for the first
   */
  public record Query(
      String type,
      String label,
      String path,
      Instant from,
      Instant to,
      Sort sort,
      boolean descending,
      int limit,
      String cursor) {

    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 50;

    /** The largest page size. */
    public static final int MAX_LIMIT = 1000;

    /** What snapshots can be sorted by. */
    public enum Sort {
      /** Start time. */
      DATE,
      /** Total size of the files in the snapshot. */
      SIZE
    }

    /**
     * Checks every field.
     *
     * @throws BdrException INVALID_ARGUMENT naming the field and the value found
     */
    public Query {
      if (type != null && !type.equals("incremental") && !type.equals("full")) {
        throw invalid("type must be incremental or full, got '" + type + "'", "type");
      }
      if (path != null) {
        path = absolute(path);
      }
      if (from != null && to != null && !from.isBefore(to)) {
        throw invalid("from must be before to, got from " + from + " and to " + to, "from or to");
      }
      if (sort == null) {
        sort = Sort.DATE;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw invalid("limit must be between 1 and " + MAX_LIMIT + ", got " + limit, "limit");
      }
      if (cursor != null && cursor.isBlank()) {
        cursor = null;
      }
    }

    /** Every snapshot, oldest first, {@value #DEFAULT_LIMIT} to a page. */
    public static Query defaults() {
      return new Query(null, null, null, null, null, Sort.DATE, false, DEFAULT_LIMIT, null);
    }

    /** The same query for the page after {@code next}. */
    public Query withCursor(String next) {
      return new Query(type, label, path, from, to, sort, descending, limit, next);
    }

    /**
     * A time bound as people type it: an RFC 3339 time ({@code 2026-12-04T09:00:00Z}) or a date
     * ({@code 2026-12-04}) in {@code zone}. A date as an upper bound means the end of that day, so
     * that day is included.
     *
     * @param field the option's name, for the error message
     * @throws BdrException INVALID_ARGUMENT if the text is neither
     */
    public static Instant time(String field, String text, boolean upper, ZoneId zone) {
      try {
        if (text.length() == 10) {
          LocalDate day = LocalDate.parse(text);
          return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw invalid(
            field
                + " must be an RFC 3339 time such as 2026-12-04T09:00:00Z or a date such as"
                + " 2026-12-04, got '"
                + text
                + "'",
            field);
      }
    }

    /** Whether a snapshot passes the filters. */
    boolean matches(SnapshotInfo s, Instant time) {
      return (type == null || type.equals(s.type()))
          && (label == null || label.equals(s.label()))
          && (from == null || !time.isBefore(from))
          && (to == null || time.isBefore(to))
          && (path == null || s.paths().stream().anyMatch(this::isAtOrBelow));
    }

    /** Whether {@link #path} is {@code source} or lies inside it. */
    private boolean isAtOrBelow(String source) {
      try {
        return Path.of(path).startsWith(Path.of(source));
      } catch (InvalidPathException e) {
        return false;
      }
    }

    private static String absolute(String path) {
      try {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
          return p.normalize().toString();
        }
      } catch (InvalidPathException e) {
        // Reported below.
      }
      throw invalid("path must be an absolute path, got '" + path + "'", "path");
    }

    private static BdrException invalid(String message, String field) {
      return new BdrException(ErrorCode.INVALID_ARGUMENT, message, "correct " + field);
    }
  }

  /** Every readable snapshot, oldest first. */
  public Listing run(RepositoryOptions options) throws IOException {
    Repository repo = opener.open(options, false).repository();
    List<String> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>(rows(repo, problems));
    rows.sort(Comparator.comparing(Row::key, order(Query.defaults())));
    return new Listing(rows.stream().map(Row::info).toList(), problems);
  }

  /**
   * The page of snapshots matching {@code query} that starts after its cursor and holds at most its
   * limit.
   *
   * @throws org.bdr.error.BdrException INVALID_ARGUMENT if the cursor is malformed or belongs to
   *     another listing
   */
  public Page page(RepositoryOptions options, Query query) throws IOException {
    return page(opener.open(options, false).repository(), query, query.limit());
  }

  /**
   * Like {@link #page}, but with every matching snapshot after the cursor, whatever the limit: for
   * people reading a terminal, where today's whole list is expected.
   */
  public Page all(RepositoryOptions options, Query query) throws IOException {
    return page(opener.open(options, false).repository(), query, Integer.MAX_VALUE);
  }

  private static Page page(Repository repo, Query query, int limit) throws IOException {
    String fingerprint = fingerprint(repo, query);
    PageCursor.Key after =
        query.cursor() == null ? null : PageCursor.decode(query.cursor(), fingerprint);

    List<String> problems = new ArrayList<>();
    List<Row> rows = rows(repo, problems);
    Comparator<PageCursor.Key> order = order(query);
    List<Row> matching =
        rows.stream()
            .filter(r -> query.matches(r.info(), r.key().time()))
            .sorted(Comparator.comparing(Row::key, order))
            .toList();

    List<Row> rest =
        after == null
            ? matching
            : matching.stream().filter(r -> order.compare(r.key(), after) > 0).toList();
    List<Row> shown = rest.subList(0, Math.min(limit, rest.size()));
    String next =
        rest.size() > shown.size()
            ? PageCursor.encode(fingerprint, shown.get(shown.size() - 1).key())
            : null;

    RepositoryUsage usage = RepositoryUsage.of(repo.backend());
    Totals totals =
        new Totals(rows.size(), usage.storedBytes(), usage.packFiles(), usage.packBytes());
    return new Page(
        shown.stream().map(Row::info).toList(), next, matching.size(), totals, problems);
  }

  /** A snapshot with its parsed start time. */
  private record Row(SnapshotInfo info, PageCursor.Key key) {}

  /** Every readable snapshot; files that cannot be read, or hold no valid time, go to problems. */
  private static List<Row> rows(Repository repo, List<String> problems) throws IOException {
    Map<Id, Snapshot> all = repo.snapshots();
    problems.addAll(repo.snapshotProblems());
    List<Row> rows = new ArrayList<>(all.size());
    for (Map.Entry<Id, Snapshot> e : all.entrySet()) {
      SnapshotInfo info = SnapshotInfo.of(e.getKey(), e.getValue());
      try {
        Instant time = OffsetDateTime.parse(info.time()).toInstant();
        rows.add(new Row(info, new PageCursor.Key(info.size(), time, info.id())));
      } catch (DateTimeParseException ex) {
        problems.add("snapshot file " + info.shortId() + " holds no valid time: " + info.time());
      }
    }
    return rows;
  }

  /** The query's order: by time or by size (then time), ties by id; reversed if descending. */
  static Comparator<PageCursor.Key> order(Query query) {
    Comparator<PageCursor.Key> byTime =
        Comparator.comparing(PageCursor.Key::time).thenComparing(PageCursor.Key::id);
    Comparator<PageCursor.Key> order =
        query.sort() == Query.Sort.SIZE
            ? Comparator.comparingLong(PageCursor.Key::size).thenComparing(byTime)
            : byTime;
    return query.descending() ? order.reversed() : order;
  }

  /** What a cursor must belong to: the repository, the filters, the sort and its direction. */
  private static String fingerprint(Repository repo, Query q) {
    String text =
        String.join(
            "\n",
            repo.config().id(),
            String.valueOf(q.type()),
            String.valueOf(q.label()),
            String.valueOf(q.path()),
            String.valueOf(q.from()),
            String.valueOf(q.to()),
            q.sort().name(),
            Boolean.toString(q.descending()));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
