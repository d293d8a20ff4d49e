package org.bdr.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bdr.backup.BackupProgress;

/** A one-line progress bar on stderr, redrawn a few times a second while a terminal watches. */
final class ProgressBar implements BackupProgress, AutoCloseable {

  private static final int WIDTH = 30;

  private final PrintStream err;
  private final ScheduledExecutorService ticker;
  private final long started = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong filesDone = new AtomicLong();
  private volatile long totalBytes;
  private volatile long totalFiles;

  ProgressBar(PrintStream err, boolean enabled) {
    this.err = err;
    if (enabled) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  @Override
  public boolean wantsTotals() {
    return ticker != null;
  }

  @Override
  public void total(long files, long bytes, boolean scanDone) {
    totalFiles = files;
    totalBytes = bytes;
  }

  @Override
  public void fileDone(String path, long bytes) {
    filesDone.incrementAndGet();
  }

  @Override
  public void bytesProcessed(long bytes) {
    done.addAndGet(bytes);
  }

  private void draw() {
    long d = done.get();
    long t = Math.max(totalBytes, d);
    int filled = t == 0 ? 0 : (int) (WIDTH * d / t);
    double secs = Math.max(0.001, (System.nanoTime() - started) / 1e9);
    String line =
        String.format(
            java.util.Locale.ROOT,
            "\r[%s%s] %s / %s  %d / %d files  %s/s ",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            Console.bytes(d),
            Console.bytes(t),
            filesDone.get(),
            Math.max(totalFiles, filesDone.get()),
            Console.bytes((long) (d / secs)));
    err.print(line);
    err.flush();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
