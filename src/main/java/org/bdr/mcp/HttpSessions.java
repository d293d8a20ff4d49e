package org.bdr.mcp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The HTTP sessions being served: who opened each one, and how many there are.
 *
 * <p>A session belongs to the token that opened it: a request naming a session opened by another
 * token is treated as naming an unknown session, so one caller cannot cancel, read or close
 * another's calls. The number of sessions is capped, because each one holds memory until it is
 * closed or the transport evicts it after {@link #IDLE} without requests or open streams; a session
 * idle for longer than that no longer counts. One token may hold a quarter of the sessions.
 */
final class HttpSessions {

  /** How long the transport keeps a session without requests or open streams, at most. */
  static final Duration IDLE = Duration.ofMinutes(5);

  /** The transport evicts idle sessions every half {@link #IDLE}. */
  static final Duration SWEEP = IDLE.dividedBy(2);

  private final int max;
  private final LongSupplier nanos;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** At most {@code max} sessions, idle time measured with {@code nanos}. */
  HttpSessions(int max, LongSupplier nanos) {
    this.max = max;
    this.nanos = nanos;
  }

  /** One session: its owner, when it was last used, and how many of its streams are open. */
  private static final class Session {
    final String owner;
    volatile long lastUsed;
    int streams;

    Session(String owner, long now) {
      this.owner = owner;
      this.lastUsed = now;
    }
  }

  /**
   * Whether {@code owner} may open one more session now: fewer than the cap in all, and fewer than
   * a quarter of it for this owner, so that one token cannot lock the others out. Sessions idle
   * long enough for the transport to have evicted them are forgotten first.
   */
  synchronized boolean hasRoom(String owner) {
    long now = nanos.getAsLong();
    sessions.values().removeIf(s -> s.streams == 0 && now - s.lastUsed > IDLE.toNanos());
    long own = sessions.values().stream().filter(s -> s.owner.equals(owner)).count();
    return sessions.size() < max && own < Math.max(1, max / 4);
  }

  /** The transport opened session {@code id} for {@code owner}. */
  synchronized void opened(String id, String owner) {
    sessions.put(id, new Session(owner, nanos.getAsLong()));
  }

  /**
   * Whether {@code owner} may use session {@code id}: yes if it opened it, and for ids not known
   * here (the transport answers those as unknown); no for a session another token opened.
   */
  boolean mayUse(String id, String owner) {
    Session s = sessions.get(id);
    if (s == null) {
      return true;
    }
    if (!s.owner.equals(owner)) {
      return false;
    }
    s.lastUsed = nanos.getAsLong();
    return true;
  }

  /** A request or stream of session {@code id} starts; {@link #streamEnded} must follow. */
  synchronized void streamStarted(String id) {
    Session s = sessions.get(id);
    if (s != null) {
      s.streams++;
      s.lastUsed = nanos.getAsLong();
    }
  }

  /** A request or stream of session {@code id} has ended. */
  synchronized void streamEnded(String id) {
    Session s = sessions.get(id);
    if (s != null) {
      s.streams = Math.max(0, s.streams - 1);
      s.lastUsed = nanos.getAsLong();
    }
  }

  /** The session was closed by its client. */
  void closed(String id) {
    sessions.remove(id);
  }

  /** How many sessions count against the cap. */
  int size() {
    return sessions.size();
  }
}
