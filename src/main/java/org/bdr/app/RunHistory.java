package org.bdr.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bdr.backend.PrivateFile;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run history: one JSON line per backup, check or restore run on this machine, in {@code
 * history.jsonl} in the state folder (mode 600). It keeps the newest {@value #KEEP} entries and
 * holds ids, counts, codes and the repository's location only: never a source path or a message,
 * since paths may hold patient names.
 *
 * <p>Appends from several processes are serialised by a lock file, so lines never interleave; lines
 * that cannot be read are skipped. Failing to write the history never fails the run: it is logged
 * as a warning that names no path.
 */
public final class RunHistory {

  /**
   * One run. Times are RFC 3339 in UTC.
   *
   * @param operation {@code backup}, {@code check} or {@code restore}
   * @param started when it started
   * @param finished when it ended
   * @param outcome {@code ok}; {@code partial} (a backup that could not read some files, a restore
   *     that could not write some); {@code failed}; or {@code cancelled}
   * @param errorCode the {@link ErrorCode} name of a failed or cancelled run (a check that found
   *     damage: BACKUP_CORRUPTED); null otherwise
   * @param snapshot the short id of the snapshot written or restored; null otherwise
   * @param files files in the new snapshot, or files restored; 0 for a check or a failed run
   * @param bytes the new snapshot's size, bytes restored, or bytes a deep check read
   * @param repository the repository's location
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      String operation,
      String started,
      String finished,
      String outcome,
      String errorCode,
      String snapshot,
      long files,
      long bytes,
      String repository) {

    /** Operation: a backup. */
    public static final String BACKUP = "backup";

    /** Operation: a check. */
    public static final String CHECK = "check";

    /** Operation: a restore. */
    public static final String RESTORE = "restore";

    /** Outcome: everything done. */
    public static final String OK = "ok";

    /** Outcome: done, but some files were left out. */
    public static final String PARTIAL = "partial";

    /** Outcome: failed. */
    public static final String FAILED = "failed";

    /** Outcome: stopped on request. */
    public static final String CANCELLED = "cancelled";

    private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{8}");

    /** Checks every field. */
    public Entry {
      if (!Set.of(BACKUP, CHECK, RESTORE).contains(operation)) {
        throw new IllegalArgumentException("unknown operation: " + operation);
      }
      if (!Set.of(OK, PARTIAL, FAILED, CANCELLED).contains(outcome)) {
        throw new IllegalArgumentException("unknown outcome: " + outcome);
      }
      Instant.parse(started);
      Instant.parse(finished);
      if (errorCode != null) {
        ErrorCode.valueOf(errorCode);
      }
      if (snapshot != null && !SHORT_ID.matcher(snapshot).matches()) {
        throw new IllegalArgumentException("not a short snapshot id: " + snapshot);
      }
      if (files < 0 || bytes < 0 || repository == null) {
        throw new IllegalArgumentException("negative count or no repository in a run entry");
      }
    }

    /** {@link #started()} parsed. */
    @JsonIgnore
    public Instant startedAt() {
      return Instant.parse(started);
    }

    /** Whether the run failed (cancelled runs did not). */
    @JsonIgnore
    public boolean failed() {
      return FAILED.equals(outcome);
    }

    /**
     * Whether the run was refused before it began because the request itself was wrong (a malformed
     * argument, an unknown snapshot id, a label holding patient identifiers): nothing was
     * attempted, so it says nothing about the health of the backups.
     */
    @JsonIgnore
    public boolean refused() {
      return failed() && REFUSALS.contains(errorCode);
    }

    private static final Set<String> REFUSALS =
        Set.of(
            ErrorCode.INVALID_ARGUMENT.name(),
            ErrorCode.BACKUP_NOT_FOUND.name(),
            ErrorCode.PHI_DETECTED.name());
  }

  /** How many entries the history keeps. */
  public static final int KEEP = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** File locks belong to the whole process; threads of one process queue here first. */
  private static final Object IN_PROCESS = new Object();

  private final StateFolder state;
  private final Clock clock;
  private final int keep;

  /** The history in {@code state}, timed by the system clock. */
  public RunHistory(StateFolder state) {
    this(state, Clock.systemUTC(), KEEP);
  }

  /** The history in {@code state}, timed by {@code clock}, keeping {@code keep} entries. */
  RunHistory(StateFolder state, Clock clock, int keep) {
    this.state = state;
    this.clock = clock;
    this.keep = keep;
  }

  /** Adds an entry; a failure is logged, never thrown. */
  public void append(Entry entry) {
    try {
      synchronized (IN_PROCESS) {
        write(entry);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("the run history could not be updated ({})", e.getClass().getSimpleName());
    }
  }

  /** The entries, oldest first; unreadable lines are skipped, a missing history is empty. */
  public List<Entry> read() {
    Path file = state.history();
    if (!Files.exists(file)) {
      return List.of();
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("the run history could not be read ({})", e.getClass().getSimpleName());
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      try {
        out.add(JSON.readValue(line, Entry.class));
      } catch (IOException | RuntimeException e) {
        // A line cut short by a crash, or damaged: the other entries still count.
      }
    }
    return out.size() <= keep ? out : List.copyOf(out.subList(out.size() - keep, out.size()));
  }

  /** Work whose run is recorded. */
  interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} and records it: its facts if it returns, its error code if it throws (the
   * outcome {@code cancelled} for CANCELLED, else {@code failed}), then returns or rethrows.
   */
  <T> T record(String operation, String repository, Work<T> work, Function<T, RunFacts> facts)
      throws IOException {
    Instant started = now();
    T result;
    try {
      result = work.run();
    } catch (IOException | RuntimeException | Error e) {
      ErrorCode code = e instanceof BdrException b ? b.code() : Failures.describe(e).code();
      String outcome = code == ErrorCode.CANCELLED ? Entry.CANCELLED : Entry.FAILED;
      append(
          new Entry(
              operation,
              started.toString(),
              now().toString(),
              outcome,
              code.name(),
              null,
              0,
              0,
              repository));
      throw e;
    }
    RunFacts f = facts.apply(result);
    append(
        new Entry(
            operation,
            started.toString(),
            now().toString(),
            f.outcome(),
            f.errorCode(),
            f.snapshot(),
            f.files(),
            f.bytes(),
            repository));
    return result;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Appends under the lock file, then trims the history to the newest entries if it grew past. */
  private void write(Entry entry) throws IOException {
    state.ensure();
    byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = state.history();
    Path lockFile = file.resolveSibling("history.lock");
    try (FileChannel lockChannel =
            FileChannel.open(
                lockFile,
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PrivateFile.MODE_600);
        FileLock held = lockChannel.lock()) {
      try (FileChannel ch =
          FileChannel.open(
              file,
              EnumSet.of(
                  StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
              PrivateFile.MODE_600)) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
      trim(file);
    }
  }

  /** Rewrites the history atomically with its newest lines once it holds more than it keeps. */
  private void trim(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    if (lines.size() <= keep) {
      return;
    }
    String kept = String.join("\n", lines.subList(lines.size() - keep, lines.size())) + "\n";
    PrivateFile.replace(file, kept.getBytes(StandardCharsets.UTF_8));
  }
}
