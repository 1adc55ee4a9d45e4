package org.custodia.line.rar;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineException;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.LineStatus;
import org.custodia.line.wire.LineAddressSpace;
import org.custodia.line.wire.LineWire;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;

/**
 * One MDB's activation: an OPC UA session subscribed to the {@code Events} variable of each of its
 * lines (sampling interval 0, a large queue, so no message is merged), each line's messages kept in
 * sequence ({@link LineSequencer}) and delivered in order ({@link LineDelivery}, the lines' messages together). When the session
 * is lost (keep-alive) the lines are reported {@link LineState#DISCONNECTED}; the adapter connects
 * again every reconnect interval, reports the lines' states, and asks each line to send again what
 * it sent meanwhile.
 */
final class LineActivation implements SessionActivityListener {

  private static final Logger LOG = Logger.getLogger(LineActivation.class.getName());

  private final MessageEndpointFactory factory;
  private final List<String> lines;
  private final MiloSettings settings;
  private final LineActivationSpec spec;
  private final WorkManager workManager;
  private final ExecutorService executor;
  private final Timer timer;
  private final long reconnectMillis;
  private final LineDelivery delivery;
  private final Map<String, LineSequencer> sequencers = new ConcurrentHashMap<>();
  /** Messages that came out of sequence (again, or after a gap): each costs a resend or is dropped. */
  private final AtomicLong outOfSequence = new AtomicLong();
  private volatile OpcUaClient client;
  private volatile LineCommands commands;
  private volatile boolean stopped;
  private boolean disconnectedReported;

  LineActivation(MessageEndpointFactory factory, List<String> lines, MiloSettings settings,
      LineActivationSpec spec, WorkManager workManager, ExecutorService executor, Timer timer,
      long reconnectMillis) {
    this.factory = factory;
    this.lines = List.copyOf(lines);
    this.settings = settings;
    this.spec = spec;
    this.workManager = workManager;
    this.executor = executor;
    this.timer = timer;
    this.reconnectMillis = reconnectMillis;
    this.delivery = new LineDelivery(this.lines, factory, workManager, timer, reconnectMillis);
  }

  void start() {
    connectLater(0);
  }

  void stop() {
    stopped = true;
    delivery.stop();
    OpcUaClient c = client;
    client = null;
    if (c != null) {
      try {
        c.disconnectAsync().get(settings.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.log(Level.FINE, "disconnect on stop", e);
      }
    }
  }

  private void connectLater(long delayMillis) {
    if (stopped) {
      return;
    }
    try {
      timer.schedule(new TimerTask() {
        @Override
        public void run() {
          try {
            workManager.scheduleWork(new Work() {
              @Override
              public void run() {
                connect();
              }

              @Override
              public void release() {}
            });
          } catch (WorkException e) {
            connectLater(reconnectMillis);
          }
        }
      }, delayMillis);
    } catch (IllegalStateException e) {
      // timer cancelled: the adapter stops
    }
  }

  private synchronized void connect() {
    if (stopped || client != null) {
      return;
    }
    OpcUaClient c = null;
    try {
      c = MiloClients.create(settings, executor);
      c.connect();
      LineCommands cmds = new LineCommands(c);
      OpcUaSubscription subscription =
          new OpcUaSubscription(c, spec.getPublishingIntervalMillis().doubleValue());
      subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items,
            List<DataValue> values) {
          for (int i = 0; i < items.size(); i++) {
            received((String) items.get(i).getUserObject().orElse(null), values.get(i));
          }
        }
      });
      subscription.create();
      List<OpcUaMonitoredItem> items = new ArrayList<>();
      for (String line : lines) {
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(
            cmds.nodeId(LineAddressSpace.node(line, LineAddressSpace.EVENTS)));
        item.setSamplingInterval(0.0);
        item.setQueueSize(uint(spec.getQueueSize()));
        item.setDiscardOldest(false);
        item.setUserObject(line);
        items.add(item);
      }
      Map<String, LineStatus> states = new LinkedHashMap<>();
      Instant read = Instant.now();
      for (String line : lines) {
        states.put(line, cmds.readLineState(line));
      }
      commands = cmds;
      for (String line : lines) {
        long head = states.get(line).lastSequence();
        if (!sequencers.containsKey(line)) {
          sequencers.put(line, new LineSequencer(startAfter(line, head)));
        }
        sequencers.get(line).resendFailed();
      }
      subscription.addMonitoredItems(items);
      subscription.synchronizeMonitoredItems();
      c.addSessionActivityListener(this);
      client = c;
      disconnectedReported = false;
      for (String line : lines) {
        LineStatus status = states.get(line);
        LineSequencer sequencer = sequencers.get(line);
        delivery.offer(
            new LineStateChange(line, sequencer.last(), status.state(), read, true));
        if (status.lastSequence() > sequencer.last()) {
          resend(line);
        }
      }
      LOG.log(Level.INFO, "Lines {0} connected on {1}", new Object[] {lines, settings.endpointUrl()});
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Lines {0}: no session with {1} ({2}); trying again in {3} ms",
          new Object[] {lines, settings.endpointUrl(), e.getMessage(), reconnectMillis});
      if (c != null) {
        c.disconnectAsync();
      }
      reportDisconnected();
      connectLater(reconnectMillis);
    }
  }

  /**
   * Where delivery of {@code line} starts on this activation's first connection: after the last message the
   * bean recorded as processed ({@link LineEventListener#lastProcessed}) when the line still comes after
   * it, else at the line's latest message {@code head}.
   */
  private long startAfter(String line, long head) throws Exception {
    MessageEndpoint endpoint = factory.createEndpoint(null);
    try {
      long processed = ((LineEventListener) endpoint).lastProcessed(line);
      if (processed >= 0 && processed < head) {
        LOG.log(Level.INFO, "line {0}: the bean processed up to {1}, the line is at {2}; asking for the rest",
            new Object[] {line, processed, head});
        return processed;
      }
      return head;
    } finally {
      endpoint.release();
    }
  }

  @Override
  public void onSessionInactive(UaSession session) {
    lost();
  }

  private synchronized void lost() {
    OpcUaClient c = client;
    if (c == null || stopped) {
      return;
    }
    client = null;
    commands = null;
    LOG.log(Level.WARNING, "Lines {0}: session with {1} lost; reconnecting",
        new Object[] {lines, settings.endpointUrl()});
    reportDisconnected();
    c.disconnectAsync();
    connectLater(reconnectMillis);
  }

  private void reportDisconnected() {
    if (disconnectedReported) {
      return;
    }
    disconnectedReported = true;
    for (String line : lines) {
      LineSequencer sequencer = sequencers.get(line);
      delivery.offer(new LineStateChange(line, sequencer == null ? 0 : sequencer.last(),
          LineState.DISCONNECTED, Instant.now(), true));
    }
  }

  private void received(String line, DataValue value) {
    if (line == null || value.value() == null || !(value.value().value() instanceof String[] array)
        || array.length == 0) {
      return;
    }
    LineMessage message;
    try {
      message = LineWire.decode(array);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "line " + line + " sent what is no line message", e);
      return;
    }
    LineSequencer sequencer = sequencers.get(line);
    LineSequencer.Decision decision = sequencer.offer(message.sequence());
    if (decision == LineSequencer.Decision.DELIVER) {
      delivery.offer(message);
      return;
    }
    outOfSequence.incrementAndGet();
    if (decision == LineSequencer.Decision.RESEND) {
      LOG.log(Level.WARNING, "line {0}: message {1} came while {2} was due; asking the line to send again",
          new Object[] {line, message.sequence(), sequencer.next()});
      resend(line);
    }
  }

  /** How many messages came out of sequence (sent again, or after a gap) since the activation began. */
  long outOfSequence() {
    return outOfSequence.get();
  }

  private void resend(String line) {
    LineCommands cmds = commands;
    LineSequencer sequencer = sequencers.get(line);
    if (cmds == null) {
      sequencer.resendFailed();
      return;
    }
    executor.execute(() -> {
      try {
        long first = cmds.resend(line, sequencer.next());
        long lost = sequencer.resendStarts(first);
        if (lost > 0) {
          LOG.log(Level.WARNING, "line {0} no longer has {1} messages; going on from {2}",
              new Object[] {line, lost, first});
          cmds.resend(line, first);
        }
      } catch (LineException e) {
        sequencer.resendFailed();
        LOG.log(Level.WARNING, "line " + line + ": resend failed", e);
      }
    });
  }
}
