package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancellationsTest {

  private final Cancellations cancellations = new Cancellations();
  private final String key = Cancellations.key("session", "7");

  @Test
  void cancel_beforeTheCallStarts_stopsItAtOnce() {
    cancellations.cancel(key);

    assertThat(cancellations.start(key).get()).isTrue();
  }

  @Test
  void cancel_afterTheCallEnded_doesNotStopALaterCallWithTheSameId() {
    cancellations.start(key);
    cancellations.finish(key);

    cancellations.cancel(key);

    assertThat(cancellations.start(key).get()).isFalse();
  }

  @Test
  void cancel_runningCall_setsItsFlag() {
    var flag = cancellations.start(key);

    cancellations.cancel(key);

    assertThat(flag.get()).isTrue();
  }
}
