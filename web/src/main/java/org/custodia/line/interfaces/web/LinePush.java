package org.custodia.line.interfaces.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import org.custodia.line.infrastructure.monitor.LineMonitor;

/**
 * Pushes the line monitor's change signals to the dashboards (UI-3): the name of the line that changed,
 * on the application-wide websocket channel {@value #CHANNEL}; each open dashboard then fetches its own
 * line's panels by ajax. The message carries nothing but a configured line's name, so every signed-in
 * page may hear it. The monitor already coalesces the signals (at most four a second per line).
 */
@ApplicationScoped
public class LinePush {

  /** The websocket channel of {@code dashboard.xhtml}. */
  public static final String CHANNEL = "lineActivity";

  @Inject
  @Push(channel = CHANNEL)
  PushContext push;

  @Inject LineMonitor monitor;

  private Runnable unsubscribe;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    unsubscribe = monitor.subscribe(this::changed);
  }

  @PreDestroy
  void stop() {
    if (unsubscribe != null) {
      unsubscribe.run();
    }
  }

  void changed(String line) {
    push.send(line);
  }
}
