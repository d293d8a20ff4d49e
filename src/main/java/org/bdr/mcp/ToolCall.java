package org.bdr.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running tool call: its arguments, whether the client cancelled it, and the progress channel
 * back to the client.
 *
 * <p>When the client sent a progress token, a notification goes out at least every second while the
 * call runs, so that clients which reset their timeout on progress keep waiting for long work. The
 * whole part of each progress value is the work done (bytes, files); a notification that repeats it
 * adds a thousandth per repeat, because progress must grow with every notification.
 */
final class ToolCall implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ToolCall.class);

  private static final ScheduledExecutorService TICKS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mcp-progress");
            t.setDaemon(true);
            return t;
          });

  private final McpSyncServerExchange exchange;
  private final Object progressToken;
  private final Arguments arguments;
  private final Cancellations cancellations;
  private final String key;
  private final AtomicBoolean cancelled;
  private final ScheduledFuture<?> heartbeat;

  private double done;
  private Double total;
  private String message = "working";
  private double lastSent = -1;
  private volatile boolean closed;

  ToolCall(
      McpSyncServerExchange exchange,
      McpSchema.CallToolRequest request,
      Cancellations cancellations,
      String session) {
    this.exchange = exchange;
    var meta = request.meta();
    this.progressToken = meta == null ? null : meta.get("progressToken");
    Object id = meta == null ? null : meta.get(MessageScreen.REQUEST_ID);
    this.arguments = new Arguments(request.arguments());
    this.cancellations = cancellations;
    this.key = id == null ? null : Cancellations.key(session, id.toString());
    this.cancelled = key == null ? new AtomicBoolean() : cancellations.start(key);
    this.heartbeat =
        progressToken == null
            ? null
            : TICKS.scheduleAtFixedRate(this::send, 1, 1, TimeUnit.SECONDS);
  }

  /** The call's arguments. */
  Arguments arguments() {
    return arguments;
  }

  /** Whether the client cancelled the call (or the server is shutting down). */
  boolean cancelled() {
    return cancelled.get();
  }

  /** The cancellation as engines take it. */
  BooleanSupplier cancellation() {
    return cancelled::get;
  }

  /** Records progress; it reaches the client with the next notification. */
  synchronized void progress(double workDone, Double workTotal, String text) {
    done = Math.max(done, workDone);
    total = workTotal;
    message = text;
  }

  private void send() {
    double value;
    Double outOf;
    String text;
    synchronized (this) {
      if (closed) {
        return;
      }
      value = Math.floor(done) <= Math.floor(lastSent) ? lastSent + 0.001 : Math.floor(done);
      lastSent = value;
      outOf = total == null ? null : Math.max(total, value);
      text = message;
    }
    try {
      exchange.progressNotification(
          McpSchema.ProgressNotification.builder(progressToken, value)
              .total(outOf)
              .message(text)
              .build());
    } catch (RuntimeException e) {
      // The client may have gone; the call itself goes on and ends normally.
      LOG.debug("progress notification not delivered");
    }
  }

  @Override
  public void close() {
    closed = true;
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    if (key != null) {
      cancellations.finish(key);
    }
  }
}
