package org.bdr.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.bdr.backend.FileType;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.pattern.PathPatterns;
import org.bdr.repo.BlobLocation;
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Node;
import org.bdr.repo.Repository;
import org.bdr.repo.Timestamps;
import org.bdr.repo.Tree;

/**
 * Writes a snapshot's files into an empty folder.
 *
 * <p>The snapshot's full paths are kept under the target, as restic does. Every file is written to
 * a temporary name in its folder and renamed into place once complete; every blob is checked
 * against its hash. A file whose data is damaged is reported by path and the restore goes on. An
 * entry whose name is unsafe or repeats an earlier one in its folder is skipped and reported by its
 * folder, so that nothing is written outside the target or over another entry.
 */
public final class Restorer {

  private final Repository repo;
  private final LongConsumer bytesWritten;
  private final BooleanSupplier cancelled;
  private final boolean asRoot;

  /**
   * Files registered before their data is written: the walk stops at this many, restores them, and
   * goes on, so that memory stays bounded however many files a snapshot holds (each waiting file
   * keeps its tree entry and paths, about a kilobyte).
   */
  static final int BATCH_FILES = 32_768;

  /**
   * Pack bytes read at once by one thread. With {@link #THREADS} threads, each also holding a
   * decoded blob of up to 8 MiB, this bounds what a restore holds in memory whatever the machine's
   * number of processors and the repository's pack size.
   */
  static final int RANGE = 16 * 1024 * 1024;

  /** Threads reading packs and writing files: more than a few only wait for the disk. */
  static final int THREADS = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));

  private final int batchFiles;

  /** A restorer reading from {@code repo}. */
  public Restorer(Repository repo, LongConsumer bytesWritten, BooleanSupplier cancelled) {
    this(repo, bytesWritten, cancelled, BATCH_FILES);
  }

  Restorer(Repository repo, LongConsumer bytesWritten, BooleanSupplier cancelled, int batchFiles) {
    this.repo = repo;
    this.bytesWritten = bytesWritten;
    this.cancelled = cancelled;
    this.asRoot = org.bdr.repo.RepositoryLock.unixId("uid") == 0;
    this.batchFiles = batchFiles;
  }

  /**
   * Restores a snapshot.
   *
   * @throws BdrException RESTORE_CONFLICT if the target holds files, PERMISSION_DENIED if it cannot
   *     be written; nothing is written in either case
   */
  public RestoreResult restore(RestoreRequest request) throws IOException {
    long start = System.nanoTime();
    checkTarget(request.target());
    Tree root = repo.loadTree(repo.loadSnapshot(request.snapshot()).treeId());
    Run run = new Run(request);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    boolean created = !Files.exists(request.target());
    Thread onInterrupt = new Thread(run::stop, "restore-on-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    boolean finished = false;
    try {
      run.pool = pool;
      Files.createDirectories(request.target());
      if (created) {
        // Only this user may look into a new target: restored files keep their own modes.
        Files.setPosixFilePermissions(
            request.target(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      }
      boolean any = run.restoreTree(root, request.target(), "", false);
      run.finish();
      finished = true;
      if (!any && !run.includes.isEmpty()) {
        if (created) {
          Files.deleteIfExists(request.target());
        }
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "no file in snapshot "
                + request.snapshot().shortHex()
                + " matches "
                + String.join(", ", run.includes.patterns())
                + "; nothing was restored",
            "list the snapshot with 'bdr ls' and adjust the --include patterns");
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and runs the hook.
      }
      if (!finished) {
        // Cancelled or failed: pack workers may still be writing; stop them before their
        // temporary files are removed, or a late write would create one again.
        run.stop();
      }
      pool.shutdownNow();
    }
    return new RestoreResult(
        run.files.get(),
        run.dirs.get(),
        run.links.get(),
        run.bytes.get(),
        (System.nanoTime() - start) / 1_000_000,
        sortedCopy(run.failed),
        sortedCopy(run.skipped));
  }

  private static List<RestoreResult.FailedFile> sortedCopy(List<RestoreResult.FailedFile> in) {
    List<RestoreResult.FailedFile> out = new ArrayList<>(in);
    out.sort(java.util.Comparator.comparing(RestoreResult.FailedFile::path));
    return out;
  }

  /**
   * Checks that {@code target} is a new or empty folder this user can write, before anything is
   * locked or written.
   *
   * @throws BdrException RESTORE_CONFLICT, PERMISSION_DENIED or INVALID_ARGUMENT naming the target
   */
  public static void checkTarget(Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "restore target " + target + " exists and is not a folder",
            "choose a new or empty folder as the target");
      }
      try (var entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new BdrException(
              ErrorCode.RESTORE_CONFLICT,
              "restore target "
                  + target
                  + " already holds files; restoring over existing files needs the safe"
                  + " restore (plan, confirmation, safety backup), which bdr does not have yet",
              "restore into a new or empty folder, or do a dry run (restore --dry-run, or"
                  + " dryRun in restore_backup) to see what would change");
        }
      }
      if (!Files.isWritable(target)) {
        throw notWritable(target);
      }
      return;
    }
    Path parent = target.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw notWritable(target);
    }
  }

  private static BdrException notWritable(Path target) {
    return new BdrException(
        ErrorCode.PERMISSION_DENIED,
        "restore target " + target + " cannot be written by this user",
        "choose a folder you can write to, or run bdr as a user who can");
  }

  /** Where one blob goes: a file and the offset in it. */
  private record Target(BlobLocation loc, FileJob job, long fileOffset) {}

  /** One restore's state. */
  private final class Run {
    final PathPatterns includes;
    final AtomicLong files = new AtomicLong();
    final AtomicLong dirs = new AtomicLong();
    final AtomicLong links = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final List<RestoreResult.FailedFile> failed = Collections.synchronizedList(new ArrayList<>());
    final List<RestoreResult.FailedFile> skipped = Collections.synchronizedList(new ArrayList<>());
    final List<Future<?>> pending = new ArrayList<>();
    final List<FileJob> jobs = Collections.synchronizedList(new ArrayList<>());
    volatile boolean stopping;
    final Map<Id, List<Target>> byPack = new LinkedHashMap<>();
    final List<Runnable> dirTimes = new ArrayList<>();
    ExecutorService pool;

    Run(RestoreRequest request) {
      this.includes = new PathPatterns(request.includes());
    }

    boolean included(String snapshotPath) {
      return includes.isEmpty() || includes.matches(Path.of(snapshotPath));
    }

    /** Restores a tree's entries into {@code dir}; returns whether anything was restored. */
    boolean restoreTree(Tree tree, Path dir, String snapshotDir, boolean all) throws IOException {
      boolean any = false;
      Set<String> names = new HashSet<>();
      for (Node node : tree.nodes()) {
        checkCancelled();
        if (!node.hasSafeName() || !names.add(node.name())) {
          failed.add(
              new RestoreResult.FailedFile(
                  snapshotDir.isEmpty() ? "/" : snapshotDir, unrestorableName(node)));
          continue;
        }
        String snapshotPath = snapshotDir + "/" + node.name();
        Path out = dir.resolve(node.name());
        boolean take = all || included(snapshotPath);
        if (node.isDir()) {
          any |= restoreDir(node, out, snapshotPath, take);
        } else if (take) {
          restoreLeaf(node, out, snapshotPath);
          any = true;
        }
      }
      return any;
    }

    private boolean restoreDir(Node node, Path out, String snapshotPath, boolean all)
        throws IOException {
      Tree sub;
      try {
        sub = repo.loadTree(node.subtreeId());
      } catch (BdrException e) {
        if (e.code() != ErrorCode.BACKUP_CORRUPTED) {
          throw e;
        }
        failed.add(
            new RestoreResult.FailedFile(
                snapshotPath,
                e.getMessage() + "; nothing in this folder was restored (BACKUP_CORRUPTED)"));
        return true;
      }
      boolean existed = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
      if (!existed) {
        Files.createDirectory(out);
      }
      boolean any = restoreTree(sub, out, snapshotPath, all) || all;
      if (!any && !existed) {
        Files.delete(out);
        return false;
      }
      dirs.incrementAndGet();
      dirTimes.add(() -> applyMetadata(node, out));
      return true;
    }

    private void restoreLeaf(Node node, Path out, String snapshotPath) throws IOException {
      switch (node.type()) {
        case "file" -> registerFile(node, out, snapshotPath);
        case "symlink" -> {
          Files.createSymbolicLink(
              out, Path.of(node.linktarget() == null ? "" : node.linktarget()));
          setTimes(out, node, true);
          links.incrementAndGet();
        }
        default ->
            skipped.add(
                new RestoreResult.FailedFile(
                    snapshotPath, node.type() + " entries are not restored"));
      }
    }

    private void registerFile(Node node, Path out, String snapshotPath) throws IOException {
      List<Id> content = node.contentIds();
      FileJob job = new FileJob(node, out, snapshotPath, content.size());
      jobs.add(job);
      long offset = 0;
      for (Id id : content) {
        BlobLocation loc = repo.locate(BlobType.DATA, id);
        if (loc == null) {
          job.fail(
              "data blob "
                  + id.shortHex()
                  + " is missing from the repository"
                  + " (BACKUP_CORRUPTED)");
          break;
        }
        byPack
            .computeIfAbsent(loc.pack(), k -> new ArrayList<>())
            .add(new Target(loc, job, offset));
        offset += loc.plainLength();
      }
      if (content.isEmpty() || job.failure() != null) {
        finishFile(job);
      }
      if (jobs.size() >= batchFiles) {
        restorePacks();
      }
    }

    /**
     * Reads each pack the files registered so far need, once, and writes its blobs into every one
     * of them; they are all complete (or failed) afterwards, and the next batch starts empty.
     */
    private void restorePacks() throws IOException {
      for (Map.Entry<Id, List<Target>> e : byPack.entrySet()) {
        Id pack = e.getKey();
        List<Target> targets = e.getValue();
        pending.add(pool.submit(() -> restorePack(pack, targets)));
      }
      byPack.clear();
      for (Future<?> f : pending) {
        try {
          f.get();
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw cancelledError();
        } catch (ExecutionException ex) {
          if (ex.getCause() instanceof BdrException b) {
            throw b;
          }
          throw new IOException("restoring a file failed", ex.getCause());
        }
      }
      pending.clear();
      jobs.clear();
    }

    /**
     * Restores what files need from one pack, reading it in ranges of at most {@link #RANGE} bytes
     * (a pack may be far larger than bdr's own, such as restic's with a bigger pack size).
     */
    private void restorePack(Id pack, List<Target> targets) {
      targets.sort(java.util.Comparator.comparingLong(t -> t.loc().offset()));
      int from = 0;
      while (from < targets.size()) {
        long start = targets.get(from).loc().offset();
        int to = from + 1;
        while (to < targets.size()
            && targets.get(to).loc().offset() + targets.get(to).loc().length() - start <= RANGE) {
          to++;
        }
        restoreRange(pack, targets.subList(from, to));
        from = to;
      }
    }

    /** Restores targets that lie close together in one pack, reading their range once. */
    private void restoreRange(Id pack, List<Target> targets) {
      checkCancelled();
      long start = targets.get(0).loc().offset();
      long end = 0;
      for (Target t : targets) {
        end = Math.max(end, t.loc().offset() + t.loc().length());
      }
      byte[] range = null;
      String packProblem = null;
      try {
        range = repo.backend().load(FileType.PACK, pack.hex(), start, (int) (end - start));
      } catch (java.io.EOFException e) {
        // The pack ends early: read blob by blob, so that the blobs before the cut still restore.
      } catch (IOException e) {
        packProblem = "pack " + pack.shortHex() + " cannot be read (BACKUP_CORRUPTED)";
      }
      Id lastId = null;
      byte[] lastPlain = null;
      String lastProblem = null;
      for (Target t : targets) {
        FileJob job = t.job();
        if (!t.loc().id().equals(lastId)) {
          lastId = t.loc().id();
          lastPlain = null;
          lastProblem = packProblem;
          if (packProblem == null) {
            try {
              lastPlain =
                  range != null ? decode(pack, t.loc(), range, start) : repo.loadBlob(t.loc());
            } catch (BdrException e) {
              lastProblem = e.getMessage() + " (BACKUP_CORRUPTED)";
            } catch (IOException e) {
              lastProblem = "pack " + pack.shortHex() + " cannot be read (BACKUP_CORRUPTED)";
            }
          }
        }
        String problem = lastProblem;
        byte[] plain = lastPlain;
        if (problem != null) {
          job.fail(problem);
        } else {
          try {
            job.write(t.fileOffset(), plain);
            bytes.addAndGet(plain.length);
            bytesWritten.accept(plain.length);
          } catch (IOException e) {
            job.fail("cannot write " + job.out + ": " + e.getMessage());
          }
        }
        if (job.blobDone()) {
          finishFile(job);
        }
      }
    }

    /** Opens one blob from a pack range read earlier, checking its hash. */
    private byte[] decode(Id pack, BlobLocation loc, byte[] range, long start) {
      int from = (int) (loc.offset() - start);
      byte[] plain = repo.decodeBlob(loc, range, from);
      if (!Id.hash(plain).equals(loc.id())) {
        throw new BdrException(
            ErrorCode.BACKUP_CORRUPTED,
            "blob "
                + loc.id().shortHex()
                + " in pack "
                + pack.shortHex()
                + " does not match its hash",
            "run 'bdr check --read-data'");
      }
      return plain;
    }

    private void finishFile(FileJob job) {
      try {
        if (job.complete()) {
          applyMetadata(job.node, job.out);
          files.incrementAndGet();
        } else {
          failed.add(new RestoreResult.FailedFile(job.snapshotPath, job.failure()));
        }
      } catch (IOException e) {
        failed.add(new RestoreResult.FailedFile(job.snapshotPath, String.valueOf(e.getMessage())));
      }
    }

    void finish() throws IOException {
      try {
        restorePacks();
      } finally {
        for (FileJob job : jobs) {
          job.abandon();
        }
      }
      for (int i = dirTimes.size() - 1; i >= 0; i--) {
        dirTimes.get(i).run();
      }
    }

    private void applyMetadata(Node node, Path out) {
      try {
        // Owner first: changing it clears setuid and setgid, which the mode then sets again.
        if (asRoot) {
          Files.setAttribute(out, "unix:uid", (int) node.uid(), LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(out, "unix:gid", (int) node.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        Files.setAttribute(out, "unix:mode", node.unixPermissions());
        setTimes(out, node, false);
      } catch (IOException | RuntimeException e) {
        skipped.add(
            new RestoreResult.FailedFile(
                out.toString(), "metadata not restored: " + e.getMessage()));
      }
    }

    /**
     * Stops a restore the process is leaving (Ctrl-C, SIGTERM): no new writes, the writers get a
     * moment to finish, and the temporary files of unfinished files are removed, so that only
     * complete files remain in the target.
     */
    void stop() {
      stopping = true;
      ExecutorService p = pool;
      if (p != null) {
        p.shutdownNow();
        try {
          p.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<FileJob> unfinished;
      synchronized (jobs) {
        unfinished = new ArrayList<>(jobs);
      }
      for (FileJob job : unfinished) {
        job.fail("the restore was interrupted");
        try {
          job.abandon();
        } catch (IOException | RuntimeException e) {
          // Leaving: a temporary file that cannot be removed stays, hidden and owner-only.
        }
      }
    }

    private void checkCancelled() {
      if (stopping || cancelled.getAsBoolean()) {
        throw cancelledError();
      }
    }
  }

  private static void setTimes(Path out, Node node, boolean link) {
    try {
      BasicFileAttributeView view =
          link
              ? Files.getFileAttributeView(
                  out, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              : Files.getFileAttributeView(out, BasicFileAttributeView.class);
      view.setTimes(time(node.mtime()), time(node.atime()), null);
    } catch (IOException | RuntimeException e) {
      // Times of symlinks cannot be set on every file system; content is what matters.
    }
  }

  private static FileTime time(String rfc3339) {
    if (rfc3339 == null) {
      return null;
    }
    java.time.Instant t = Timestamps.parse(rfc3339);
    // Java 17 sets a time before 1970 that has a fraction of a second as 1970-01-01: such
    // times are set to their whole second instead.
    return t.getEpochSecond() < 0 && t.getNano() != 0
        ? FileTime.from(t.getEpochSecond(), java.util.concurrent.TimeUnit.SECONDS)
        : FileTime.from(t);
  }

  /** Why an entry was skipped: its name is unsafe, or an earlier entry of the folder has it. */
  private static String unrestorableName(Node node) {
    String shown = "\"" + node.name() + "\"";
    return (node.hasSafeName()
            ? "a second entry named " + shown + " was skipped"
            : "an entry with the unsafe name " + shown + " was skipped")
        + "; nothing was written outside the target (BACKUP_CORRUPTED)";
  }

  static BdrException cancelledError() {
    return new BdrException(
        ErrorCode.CANCELLED,
        "the restore was cancelled",
        "run the restore again into a new folder");
  }
}
