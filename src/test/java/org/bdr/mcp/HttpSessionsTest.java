package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HttpSessionsTest {

  private final AtomicLong clock = new AtomicLong();
  private final HttpSessions sessions = new HttpSessions(8, clock::get);

  @Test
  void hasRoom_oneOwnerAtItsQuarter_refusesThatOwnerOnly() {
    sessions.opened("a1", "alice");
    sessions.opened("a2", "alice");

    assertThat(sessions.hasRoom("alice")).isFalse();
    assertThat(sessions.hasRoom("bob")).isTrue();
  }

  @Test
  void hasRoom_sessionsIdleLongerThanTheTransportKeepsThem_areForgotten() {
    sessions.opened("a1", "alice");
    sessions.opened("a2", "alice");

    clock.addAndGet(HttpSessions.IDLE.toNanos() + 1);

    assertThat(sessions.hasRoom("alice")).isTrue();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void hasRoom_idleSessionWithAnOpenStream_stillCounts() {
    sessions.opened("a1", "alice");
    sessions.opened("a2", "alice");
    sessions.streamStarted("a1");

    clock.addAndGet(HttpSessions.IDLE.toNanos() * 3);

    assertThat(sessions.hasRoom("alice")).isTrue();
    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void mayUse_sessionOfAnotherOwner_isRefused() {
    sessions.opened("a1", "alice");

    assertThat(sessions.mayUse("a1", "alice")).isTrue();
    assertThat(sessions.mayUse("a1", "mallory")).isFalse();
    assertThat(sessions.mayUse("unknown", "mallory")).isTrue();
  }

  @Test
  void closed_session_freesItsPlace() {
    sessions.opened("a1", "alice");
    sessions.opened("a2", "alice");

    sessions.closed("a1");

    assertThat(sessions.hasRoom("alice")).isTrue();
  }
}
