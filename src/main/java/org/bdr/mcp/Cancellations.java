package org.bdr.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which tool calls a client has cancelled.
 *
 * <p>Keys are a session name and the call's JSON-RPC id. A cancellation may arrive before the tool
 * has started; the newest cancelled keys are remembered so that such a tool stops at once. A
 * cancellation of a call that has already ended is dropped.
 */
final class Cancellations {

  private static final int REMEMBERED = 1024;

  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
  private final Map<String, Boolean> early =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private final Map<String, Boolean> finished =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private volatile boolean shuttingDown;

  /** The flag of a call that starts now; {@link #finish} must follow. */
  AtomicBoolean start(String key) {
    AtomicBoolean flag = new AtomicBoolean(shuttingDown);
    synchronized (early) {
      if (early.remove(key) != null) {
        flag.set(true);
      }
    }
    running.put(key, flag);
    return flag;
  }

  /** The call has ended. */
  void finish(String key) {
    running.remove(key);
    synchronized (early) {
      finished.put(key, Boolean.TRUE);
    }
  }

  /** The client cancelled the call with this key. */
  void cancel(String key) {
    AtomicBoolean flag = running.get(key);
    if (flag != null) {
      flag.set(true);
      return;
    }
    synchronized (early) {
      // A cancellation that crossed the call's answer must not stop a later call with its id.
      if (finished.remove(key) == null) {
        early.put(key, Boolean.TRUE);
      }
    }
  }

  /** Cancels every running call, and every call that starts from now on. */
  void cancelAll() {
    shuttingDown = true;
    running.values().forEach(f -> f.set(true));
  }

  /**
   * Cancels every call, running or still to come, and waits up to {@code patience} for the running
   * ones to end (a cancelled backup releases its lock on the way out).
   */
  void cancelAllAndWait(java.time.Duration patience) throws InterruptedException {
    cancelAll();
    long until = System.nanoTime() + patience.toNanos();
    while (running() > 0 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
  }

  /** How many calls are running. */
  int running() {
    return running.size();
  }

  /** The key of a call: its session and its JSON-RPC id. */
  static String key(String session, String requestId) {
    return (session == null ? "" : session) + "\u0000" + requestId;
  }
}
