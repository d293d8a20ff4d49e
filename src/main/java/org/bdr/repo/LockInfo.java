package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The content of a restic lock file.
 *
 * @param time when the lock was taken or last refreshed
 * @param exclusive whether it excludes all other locks
 * @param hostname the holder's machine
 * @param username the holder's user
 * @param pid the holder's process id
 * @param uid the holder's user id
 * @param gid the holder's group id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LockInfo(
    @JsonProperty("time") String time,
    @JsonProperty("exclusive") boolean exclusive,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("username") String username,
    @JsonProperty("pid") long pid,
    @JsonProperty("uid") long uid,
    @JsonProperty("gid") long gid) {

  /** Locks not refreshed for this long are stale, as restic judges them. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);

  /**
   * Whether the lock no longer protects anything: too old, or held by a process on this host that
   * no longer runs.
   */
  public boolean isStale(String thisHost, OffsetDateTime now) {
    OffsetDateTime taken;
    try {
      taken = OffsetDateTime.parse(time);
    } catch (RuntimeException e) {
      return true;
    }
    if (taken.plus(STALE_AFTER).isBefore(now)) {
      return true;
    }
    return thisHost.equals(hostname) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** A short description for messages: who holds it, since when. */
  public String describe() {
    return (exclusive ? "an exclusive" : "a shared")
        + " lock by PID "
        + pid
        + " on "
        + hostname
        + " (user "
        + username
        + ") since "
        + time;
  }
}
