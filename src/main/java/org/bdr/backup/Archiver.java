package org.bdr.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.bdr.chunker.Polynomial;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.pattern.PathPatterns;
import org.bdr.phi.FileResult;
import org.bdr.phi.Finding;
import org.bdr.phi.PhiScanner;
import org.bdr.phi.ScanOptions;
import org.bdr.repo.Id;
import org.bdr.repo.Node;
import org.bdr.repo.PhiFacts;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;
import org.bdr.repo.SnapshotFacts;
import org.bdr.repo.Tree;

/**
 * Takes a snapshot of files and folders into a repository.
 *
 * <p>The walk keeps the sources' absolute paths, as restic does: backing up {@code /srv/records}
 * gives a snapshot whose root tree holds {@code srv}, which holds {@code records}. Files are read
 * by a pool of workers; each file is read once. Files that vanish or cannot be read are recorded,
 * the backup goes on, and the snapshot is marked partial.
 *
 * <p>When the request asks for a PHI scan, every file read is scanned from the same buffers as it
 * is chunked, and the snapshot records what was found; see {@link FileSaver} for how the block
 * policy keeps a file's data out of the repository. The name of every folder walked is scanned too,
 * by the rules of {@code bdr scan-phi}: that of each source folder and of every folder below it,
 * but not the path above a source, which only says where the data sits. Under the block policy a
 * folder whose name has findings is left out with everything in it, unread, and listed as blocked;
 * a source folder is treated the same way, as a source file with findings is, so the backup of the
 * other sources goes on and the snapshot is marked partial; the snapshot then records that source
 * by its safe path (its name's identifiers replaced by their types), so the name stays out of the
 * repository too. Symbolic links are scanned by name, their own and each part of the path they
 * point to, and count as files.
 */
public final class Archiver {

  private final Repository repo;
  private final BackupProgress progress;
  private final BooleanSupplier cancelled;
  private final int workers;

  /**
   * The most bytes of one file a PHI scan buffers to read its structure. Every worker may scan such
   * a file at once, and a growing buffer is briefly copied, so each gets a sixth of the heap
   * divided among them: a quarter of the heap at most, leaving room for chunks in flight.
   */
  private final int scanBuffer;

  /** An archiver writing into {@code repo}, reporting to {@code progress}. */
  public Archiver(Repository repo, BackupProgress progress, BooleanSupplier cancelled) {
    this.repo = repo;
    this.progress = progress;
    this.cancelled = cancelled;
    // Each reader holds up to a chunk and a read buffer (about 9 MiB), and twice as many chunks
    // may wait for the blob savers: four workers keep that within the heap bin/bdr gives (256 MiB)
    // on any machine, and more would mostly wait for the disk.
    this.workers = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
    long share = Runtime.getRuntime().maxMemory() / (6L * workers);
    this.scanBuffer = (int) Math.max(1 << 20, Math.min(PhiScanner.maxBufferLimit(), share));
  }

  /**
   * Runs the backup and writes the snapshot.
   *
   * @param parent the snapshot to compare against for an incremental backup, may be null
   * @throws BdrException SOURCE_NOT_FOUND or PERMISSION_DENIED for a bad source, before anything is
   *     written; CANCELLED if cancelled
   */
  public BackupResult run(BackupRequest request, Id parent) throws IOException {
    long start = System.nanoTime();
    Instant startTime = Instant.now();
    checkSources(request.sources());
    Snapshot parentSnapshot = parent == null ? null : repo.loadSnapshot(parent);
    Run run = new Run(request, parent, parentSnapshot);
    ExecutorService files = Executors.newFixedThreadPool(workers, named("file-reader"));
    ExecutorService blobs = Executors.newFixedThreadPool(workers, named("blob-saver"));
    Thread scanner = progress.wantsTotals() ? startScanner(request, run::blockedByName) : null;
    Thread onInterrupt = new Thread(this::indexQuietly, "index-on-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      run.saver =
          new FileSaver(
              repo,
              Polynomial.parseHex(repo.config().chunkerPolynomial()),
              blobs,
              workers * 2,
              cancelled,
              progress);
      run.filePool = files;
      Tree parentRoot = parentSnapshot == null ? null : repo.loadTree(parentSnapshot.treeId());
      Id root = run.saveVirtual(VirtualDir.of(request.sources()), Path.of("/"), parentRoot);
      repo.flush();
      long millis = (System.nanoTime() - start) / 1_000_000;
      Snapshot snapshot = run.snapshot(root, startTime, millis);
      Id snapshotId = repo.saveSnapshot(snapshot);
      return run.result(snapshotId, snapshot.bdr().phi(), millis);
    } catch (BdrException e) {
      if (e.code() == ErrorCode.CANCELLED) {
        flushQuietly();
      }
      throw e;
    } finally {
      if (scanner != null) {
        scanner.interrupt();
      }
      removeHook(onInterrupt);
      files.shutdownNow();
      blobs.shutdownNow();
    }
  }

  private void indexQuietly() {
    try {
      repo.indexWrittenPacks();
    } catch (IOException | RuntimeException e) {
      // Interrupted while shutting down: the packs stay unindexed; the repository stays valid.
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and runs the hook.
    }
  }

  private void flushQuietly() {
    try {
      repo.flush();
    } catch (IOException | RuntimeException e) {
      // The packs written so far stay unindexed; the repository remains valid.
    }
  }

  /**
   * Checks that every source exists and can be read.
   *
   * @throws BdrException SOURCE_NOT_FOUND or PERMISSION_DENIED naming the source
   */
  public static void checkSources(List<Path> sources) {
    if (sources.isEmpty()) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT, "no source was given", "name at least one file or folder");
    }
    for (Path source : sources) {
      if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        if (source.toString().indexOf('\uFFFD') >= 0) {
          // the bytes of the name were not UTF-8, so the path as decoded names nothing on disk
          throw new BdrException(
              ErrorCode.SOURCE_NOT_FOUND,
              "source " + source + " has a name that is not valid UTF-8, which bdr cannot read",
              "rename it so that its name is valid UTF-8, then back it up");
        }
        throw new BdrException(
            ErrorCode.SOURCE_NOT_FOUND,
            "source " + source + " does not exist",
            "check the path, or remove it from the backup");
      }
      if (!Files.isReadable(source) || Files.isDirectory(source) && !Files.isExecutable(source)) {
        throw new BdrException(
            ErrorCode.PERMISSION_DENIED,
            "source " + source + " cannot be read by this user",
            "run bdr as a user that can read it, or change its permissions");
      }
    }
  }

  /**
   * Walks the sources ahead of the backup to tell the progress listener how much there is, leaving
   * out what the backup will leave out: excluded paths, and folders whose names {@code keptOut}
   * says the block policy keeps out.
   */
  private Thread startScanner(BackupRequest request, Predicate<Path> keptOut) {
    Thread t =
        new Thread(
            () -> {
              long[] totals = new long[2];
              PathPatterns excludes = new PathPatterns(request.excludes());
              for (Path source : request.sources()) {
                count(source, totals, excludes, keptOut);
              }
              progress.total(totals[0], totals[1], !Thread.currentThread().isInterrupted());
            },
            "backup-scanner");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void count(Path path, long[] totals, PathPatterns excludes, Predicate<Path> keptOut) {
    if (Thread.currentThread().isInterrupted() || excludes.matches(path)) {
      return;
    }
    try {
      FileStat st = FileStat.of(path);
      if (st.isDir()) {
        if (keptOut.test(path)) {
          return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
          for (Path child : ds) {
            count(child, totals, excludes, keptOut);
          }
        }
      } else if (st.isFile()) {
        totals[0]++;
        totals[1] += st.size();
        if ((totals[0] & 1023) == 0) {
          progress.total(totals[0], totals[1], false);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The archiver reports unreadable entries; the scanner only estimates.
    }
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The folders above the sources, down to each source. */
  record VirtualDir(Map<String, VirtualDir> children, Path source) {
    static VirtualDir of(List<Path> sources) {
      VirtualDir root = new VirtualDir(new TreeMap<>(), null);
      for (Path source : sources) {
        VirtualDir at = root;
        for (int i = 0; i < source.getNameCount(); i++) {
          String name = source.getName(i).toString();
          Path here = i == source.getNameCount() - 1 ? source : null;
          VirtualDir next = at.children.get(name);
          if (next == null || here != null) {
            VirtualDir made = new VirtualDir(next == null ? new TreeMap<>() : next.children, here);
            at.children.put(name, made);
            next = made;
          }
          at = next;
        }
      }
      return root;
    }
  }

  /** One backup's state and counters. */
  private final class Run {
    final BackupRequest request;
    final PathPatterns excludes;
    final Id parent;
    FileSaver saver;
    ExecutorService filePool;
    final AtomicLong filesNew = new AtomicLong();
    final AtomicLong filesChanged = new AtomicLong();
    final AtomicLong filesUnchanged = new AtomicLong();
    final AtomicLong dirs = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong bytesAdded = new AtomicLong();
    final AtomicLong totalBytes = new AtomicLong();
    final List<SkippedFile> unreadable = Collections.synchronizedList(new ArrayList<>());
    final List<SkippedFile> changed = Collections.synchronizedList(new ArrayList<>());

    /** The PHI scan's scanner and tally; both null when the backup does not scan. */
    final PhiScanner scanner;

    final PhiTally phi;

    /**
     * Sources the block policy left out for the identifiers in their own names, each with its safe
     * path (the name's identifiers replaced by their types), which the snapshot records in its
     * place.
     */
    final Map<Path, String> sourcesKeptOut = new ConcurrentHashMap<>();

    Run(BackupRequest request, Id parent, Snapshot parentSnapshot) {
      this.request = request;
      this.excludes = new PathPatterns(request.excludes());
      this.parent = parent;
      PhiCheck check = request.phi();
      this.scanner =
          check == null ? null : new PhiScanner(new ScanOptions(check.sensitivity(), false));
      this.phi = check == null ? null : new PhiTally(check, phiFacts(parentSnapshot));
    }

    private static PhiFacts phiFacts(Snapshot snapshot) {
      return snapshot == null || snapshot.bdr() == null ? null : snapshot.bdr().phi();
    }

    Id saveVirtual(VirtualDir dir, Path path, Tree parentTree) throws IOException {
      List<Node> nodes = new ArrayList<>();
      for (Map.Entry<String, VirtualDir> e : dir.children().entrySet()) {
        Path childPath = path.resolve(e.getKey());
        Node parentNode = parentTree == null ? null : parentTree.find(e.getKey());
        Node node =
            e.getValue().source() != null
                ? saveSource(childPath, e.getKey(), parentNode)
                : saveIntermediate(e.getValue(), childPath, e.getKey(), parentNode);
        if (node != null) {
          nodes.add(node);
        }
      }
      return repo.saveTree(new Tree(sorted(nodes)));
    }

    private Node saveIntermediate(VirtualDir dir, Path path, String name, Node parentNode)
        throws IOException {
      Tree sub = subtree(parentNode);
      Id id = saveVirtual(dir, path, sub);
      return FileStat.following(path).toNode(path, name, null, id.hex(), null);
    }

    private Node saveSource(Path path, String name, Node parentNode) throws IOException {
      FileStat st = FileStat.of(path);
      if (st.isDir()) {
        return saveDir(path, name, st, parentNode);
      }
      Future<Node> f = submit(path, name, st, parentNode);
      return await(f);
    }

    private Node saveDir(Path path, String name, FileStat st, Node parentNode) throws IOException {
      checkCancelled();
      if (keptOutByName(path)) {
        return null;
      }
      dirs.incrementAndGet();
      Tree parentTree = subtree(parentNode);
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
        for (Path child : ds) {
          if (child.getFileName().toString().indexOf('\uFFFD') >= 0) {
            unreadable.add(
                new SkippedFile(
                    child.toString(),
                    "its name is not valid UTF-8, which bdr cannot store faithfully; rename it"));
          } else if (!excludes.matches(child)) {
            children.add(child);
          }
        }
      } catch (IOException e) {
        unreadable.add(new SkippedFile(path.toString(), reason(e)));
      }
      List<Future<Node>> pendingFiles = new ArrayList<>();
      List<Node> nodes = new ArrayList<>();
      for (Path child : children) {
        String childName = child.getFileName().toString();
        Node childParent = parentTree == null ? null : parentTree.find(childName);
        FileStat cst;
        try {
          cst = FileStat.of(child);
        } catch (IOException e) {
          unreadable.add(new SkippedFile(child.toString(), reason(e)));
          continue;
        }
        if (cst.isDir()) {
          Node sub = saveDir(child, childName, cst, childParent);
          if (sub != null) {
            nodes.add(sub);
          }
        } else if (cst.isFile() && unchanged(cst, childParent)) {
          nodes.add(reuse(child, cst, childParent));
        } else {
          pendingFiles.add(submit(child, childName, cst, childParent));
        }
      }
      for (Future<Node> f : pendingFiles) {
        Node n = await(f);
        if (n != null) {
          nodes.add(n);
        }
      }
      List<Node> entries = sorted(nodes);
      String tree = unchangedTree(entries, parentTree, parentNode);
      if (tree == null) {
        tree = repo.saveTree(new Tree(entries)).hex();
      }
      Node fresh = st.toNode(path, name, null, tree, null);
      return parentNode != null && fresh.withAtime(parentNode.atime()).equals(parentNode)
          ? parentNode
          : fresh;
    }

    /**
     * Whether the block policy keeps this folder out for its name, as {@link #keptOutByName} will
     * find; records nothing, so that another thread may ask ahead of the backup.
     */
    boolean blockedByName(Path folder) {
      return phi != null
          && request.phi().policy() == PhiPolicy.BLOCK
          && !scanner.scanFolderName(folder).isEmpty();
    }

    /**
     * Scans a folder's name when the backup scans for PHI and records its findings; returns whether
     * the block policy keeps the folder out, with everything in it. Scanned on every backup, even
     * when the folder is unchanged: a name is cheap to scan, and so its findings are always
     * current.
     */
    private boolean keptOutByName(Path path) {
      if (phi == null) {
        return false;
      }
      List<Finding> findings = scanner.scanFolderName(path);
      boolean blocked = !findings.isEmpty() && request.phi().policy() == PhiPolicy.BLOCK;
      phi.folder(path.toString(), findings, blocked);
      if (blocked) {
        sourceKeptOut(path, findings.get(0).path());
      }
      return blocked;
    }

    /**
     * Scans a symbolic link's name and the path it points to when the backup scans for PHI, and
     * records its findings as those of a file; returns whether the block policy keeps the link out.
     */
    private boolean linkKeptOut(Path path, String target) {
      if (phi == null) {
        return false;
      }
      FileResult result = scanner.scanLink(path, target);
      boolean blocked = !result.findings().isEmpty() && request.phi().policy() == PhiPolicy.BLOCK;
      phi.scanned(path.toString(), result, blocked);
      if (blocked) {
        sourceKeptOut(path, result.safePath());
      }
      return blocked;
    }

    /** Notes a path the block policy left out, if it is a source, with the safe path to record. */
    private void sourceKeptOut(Path path, String safePath) {
      if (request.sources().contains(path)) {
        sourcesKeptOut.put(path, safePath);
      }
    }

    /**
     * The parent's tree id when this folder's entries are exactly the parent's, so that an
     * unchanged folder is neither serialised nor hashed again; null otherwise.
     */
    private String unchangedTree(List<Node> entries, Tree parentTree, Node parentNode) {
      if (parentTree == null
          || parentNode.subtree() == null
          || !entries.equals(parentTree.nodes())
          || !repo.hasBlob(org.bdr.repo.BlobType.TREE, parentNode.subtreeId())) {
        return null;
      }
      return parentNode.subtree();
    }

    private Tree subtree(Node parentNode) {
      if (parentNode == null || !parentNode.isDir() || parentNode.subtree() == null) {
        return null;
      }
      try {
        return repo.loadTree(parentNode.subtreeId());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private Future<Node> submit(Path path, String name, FileStat st, Node parentNode) {
      return filePool.submit(() -> saveEntry(path, name, st, parentNode));
    }

    private Node saveEntry(Path path, String name, FileStat st, Node parentNode)
        throws IOException {
      checkCancelled();
      if (st.isSymlink()) {
        String target = Files.readSymbolicLink(path).toString();
        return linkKeptOut(path, target) ? null : st.toNode(path, name, null, null, target);
      }
      if (!st.isFile()) {
        return st.toNode(path, name, null, null, null);
      }
      try {
        return saveFile(path, name, st, parentNode);
      } catch (NoSuchFileException e) {
        unreadable.add(new SkippedFile(path.toString(), "vanished during the backup"));
      } catch (IOException e) {
        unreadable.add(new SkippedFile(path.toString(), reason(e)));
      }
      return null;
    }

    /** Whether an incremental backup may take a file's entry from the parent unread. */
    private boolean unchanged(FileStat st, Node parentNode) {
      return request.type() == BackupType.INCREMENTAL
          && (phi == null || phi.parentComparable())
          && st.matches(parentNode)
          && allStored(parentNode);
    }

    /**
     * The parent's entry for an unchanged file. Its size, mtime, ctime and inode match, and any
     * change of mode, owner or links would have moved the ctime, so only the access time may be
     * older than on disk; reusing the entry keeps the folder's tree identical to the parent's.
     */
    private Node reuse(Path path, FileStat st, Node parentNode) {
      totalBytes.addAndGet(st.size());
      filesUnchanged.incrementAndGet();
      if (phi != null) {
        phi.reused(path.toString());
      }
      progress.bytesProcessed(st.size());
      progress.fileDone(path.toString(), st.size());
      return parentNode;
    }

    private Node saveFile(Path path, String name, FileStat st, Node parentNode) throws IOException {
      if (unchanged(st, parentNode)) {
        return reuse(path, st, parentNode);
      }
      FileStat before = st;
      FileSaver.Saved saved = null;
      for (int attempt = 0; attempt < 2; attempt++) {
        saved = readOnce(path, before.size());
        if (saved.blocked()) {
          break;
        }
        FileStat after = FileStat.of(path);
        boolean stable = !after.changedSince(before);
        before = after;
        if (stable) {
          break;
        }
        if (attempt == 1) {
          changed.add(new SkippedFile(path.toString(), "changed while it was read"));
        }
      }
      if (phi != null) {
        phi.scanned(path.toString(), saved.scan(), saved.blocked());
        if (saved.blocked()) {
          sourceKeptOut(path, saved.scan().safePath());
        }
      }
      progress.fileDone(path.toString(), before.size());
      if (saved.blocked()) {
        return null;
      }
      (parentNode != null && parentNode.isFile() ? filesChanged : filesNew).incrementAndGet();
      totalBytes.addAndGet(saved.bytesRead());
      // The entry records what was stored: a file that kept changing may have been read at
      // another length than its last stat says.
      return before.withSize(saved.bytesRead()).toNode(path, name, saved.content(), null, null);
    }

    private FileSaver.Saved readOnce(Path path, long size) throws IOException {
      FileSaver.Saved saved =
          scanner == null
              ? saver.save(path, size)
              : saver.save(
                  path,
                  size,
                  scanner.open(path.toString(), scanBuffer, size),
                  request.phi().policy() == PhiPolicy.BLOCK);
      bytesRead.addAndGet(saved.bytesRead());
      bytesAdded.addAndGet(saved.bytesAdded());
      return saved;
    }

    private boolean allStored(Node node) {
      for (String id : node.content()) {
        if (!repo.hasBlob(org.bdr.repo.BlobType.DATA, Id.parse(id))) {
          return false;
        }
      }
      return true;
    }

    private Node await(Future<Node> f) throws IOException {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw FileSaver.cancelledError();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BdrException be) {
          throw be;
        }
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException("backing up a file failed", e.getCause());
      }
    }

    private void checkCancelled() {
      if (cancelled.getAsBoolean()) {
        throw FileSaver.cancelledError();
      }
    }

    Snapshot snapshot(Id root, Instant startTime, long millis) {
      boolean tagged = phi != null && request.phi().policy() == PhiPolicy.TAG && phi.holdsPhi();
      boolean blocked = phi != null && !phi.blocked().isEmpty();
      SnapshotFacts facts =
          new SnapshotFacts(
              request.label(),
              request.type().label(),
              filesNew.get() + filesChanged.get() + filesUnchanged.get(),
              totalBytes.get(),
              !unreadable.isEmpty() || blocked,
              unreadable.size(),
              millis,
              phi == null ? null : phi.facts(tagged));
      return new Snapshot(
          org.bdr.repo.Timestamps.format(startTime),
          parent == null ? null : parent.hex(),
          root.hex(),
          request.sources().stream()
              .map(p -> sourcesKeptOut.getOrDefault(p, p.toString()))
              .toList(),
          request.hostname(),
          System.getProperty("user.name", ""),
          org.bdr.repo.RepositoryLock.unixId("uid"),
          org.bdr.repo.RepositoryLock.unixId("gid"),
          request.excludes(),
          tagged ? List.of(PhiFacts.TAG) : List.of(),
          "bdr " + version(),
          facts);
    }

    BackupResult result(Id snapshotId, PhiFacts phiFacts, long millis) {
      List<SkippedFile> bad = new ArrayList<>(unreadable);
      bad.sort(Comparator.comparing(SkippedFile::path));
      return new BackupResult(
          snapshotId,
          parent,
          filesNew.get(),
          filesChanged.get(),
          filesUnchanged.get(),
          dirs.get(),
          bytesRead.get(),
          bytesAdded.get(),
          totalBytes.get(),
          millis,
          bad,
          new ArrayList<>(changed),
          phiFacts,
          phi == null ? List.of() : phi.blocked(),
          phi == null ? List.of() : phi.notScanned());
    }
  }

  private static String version() {
    String v = Archiver.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Sorts nodes by the bytes of their UTF-8 names, as restic orders tree entries. */
  static List<Node> sorted(List<Node> nodes) {
    List<Node> out = new ArrayList<>(nodes);
    out.sort((x, y) -> Arrays.compareUnsigned(utf8(x.name()), utf8(y.name())));
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "vanished during the backup";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
