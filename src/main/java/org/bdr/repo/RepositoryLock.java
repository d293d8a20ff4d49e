package org.bdr.repo;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bdr.backend.FileType;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * A restic-compatible lock on a repository, held while a command runs and refreshed every five
 * minutes so that restic and other bdr processes never take it for stale. Closing it removes the
 * lock file; a shutdown hook removes it on Ctrl-C too.
 */
public final class RepositoryLock implements AutoCloseable {

  private static final long REFRESH_MINUTES = 5;

  private final Repository repo;
  private final boolean exclusive;
  private final ScheduledExecutorService refresher;
  private final Thread shutdownHook;

  /** The lock file in place, or null before it is written. */
  private volatile Id current;

  private RepositoryLock(Repository repo, boolean exclusive) {
    this.repo = repo;
    this.exclusive = exclusive;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lock-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleAtFixedRate(
        this::refresh, REFRESH_MINUTES, REFRESH_MINUTES, TimeUnit.MINUTES);
    this.shutdownHook = new Thread(this::removeQuietly, "lock-release");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Takes a lock, failing with REPOSITORY_LOCKED if another live process holds a conflicting one.
   */
  public static RepositoryLock acquire(Repository repo, boolean exclusive) throws IOException {
    List<LockInfo> before = conflicting(repo, exclusive, null);
    if (!before.isEmpty()) {
      throw locked(repo, before.get(0));
    }
    RepositoryLock lock = new RepositoryLock(repo, exclusive);
    try {
      lock.current =
          repo.saveUnpacked(FileType.LOCK, Repository.json().writeValueAsBytes(info(exclusive)));
      List<LockInfo> after = conflicting(repo, exclusive, lock.current);
      if (!after.isEmpty()) {
        throw locked(repo, after.get(0));
      }
      return lock;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Every lock file in the repository with its content; unreadable ones are skipped. */
  public static List<LockInfo> list(Repository repo) throws IOException {
    List<LockInfo> out = new ArrayList<>();
    for (String name : repo.backend().list(FileType.LOCK)) {
      LockInfo info = read(repo, name);
      if (info != null) {
        out.add(info);
      }
    }
    return out;
  }

  /** Removes stale locks; returns how many. */
  public static int removeStale(Repository repo) throws IOException {
    int removed = 0;
    for (String name : repo.backend().list(FileType.LOCK)) {
      LockInfo info = read(repo, name);
      if (info != null && info.isStale(hostname(), OffsetDateTime.now())) {
        repo.backend().remove(FileType.LOCK, name);
        removed++;
      }
    }
    return removed;
  }

  private static List<LockInfo> conflicting(Repository repo, boolean exclusive, Id own)
      throws IOException {
    List<LockInfo> out = new ArrayList<>();
    String host = hostname();
    OffsetDateTime now = OffsetDateTime.now();
    for (String name : repo.backend().list(FileType.LOCK)) {
      if (own != null && own.hex().equals(name)) {
        continue;
      }
      LockInfo info = read(repo, name);
      if (info == null || info.isStale(host, now)) {
        continue;
      }
      if (exclusive || info.exclusive()) {
        out.add(info);
      }
    }
    return out;
  }

  private static LockInfo read(Repository repo, String name) {
    try {
      return Repository.json().readValue(repo.loadUnpacked(FileType.LOCK, name), LockInfo.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static BdrException locked(Repository repo, LockInfo holder) {
    return new BdrException(
        ErrorCode.REPOSITORY_LOCKED,
        "the repository at " + repo.backend().location() + " is locked: " + holder.describe(),
        "wait for that operation to finish; if its process is gone, the lock expires after 30"
            + " minutes or can be removed with 'bdr unlock'");
  }

  private static LockInfo info(boolean exclusive) {
    ProcessHandle self = ProcessHandle.current();
    return new LockInfo(
        OffsetDateTime.now().toString(),
        exclusive,
        hostname(),
        System.getProperty("user.name", ""),
        self.pid(),
        unixId("uid"),
        unixId("gid"));
  }

  /** The current user's numeric user or group id ({@code uid} or {@code gid}), 0 if unknown. */
  public static long unixId(String which) {
    try {
      com.sun.security.auth.module.UnixSystem unix = new com.sun.security.auth.module.UnixSystem();
      return which.equals("gid") ? unix.getGid() : unix.getUid();
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }

  /** This machine's host name, as locks and snapshots record it. */
  public static String hostname() {
    try {
      String kernel =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
      if (!kernel.isEmpty()) {
        return kernel;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: ask the network layer instead.
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private synchronized void refresh() {
    if (current == null) {
      return;
    }
    try {
      Id fresh =
          repo.saveUnpacked(FileType.LOCK, Repository.json().writeValueAsBytes(info(exclusive)));
      Id old = current;
      current = fresh;
      repo.backend().remove(FileType.LOCK, old.hex());
    } catch (IOException e) {
      // The old lock stays in place; the next refresh tries again.
    }
  }

  private synchronized void removeQuietly() {
    if (current == null) {
      return;
    }
    try {
      repo.backend().remove(FileType.LOCK, current.hex());
    } catch (IOException e) {
      // Nothing more can be done while shutting down; the lock goes stale in 30 minutes.
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    removeQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway and removing twice is harmless.
    }
  }
}
