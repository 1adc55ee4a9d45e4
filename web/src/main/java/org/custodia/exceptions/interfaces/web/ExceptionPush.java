package org.custodia.exceptions.interfaces.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import org.custodia.exceptions.application.ExceptionAlerts;
import org.custodia.exceptions.domain.SupplyException;

/**
 * Pushes each newly raised supply-chain exception at once to the signed-in users of the roles that follow
 * them up (EXC-3, UI-3): QA, compliance, administrators and auditors, on the application-wide websocket
 * channel {@value #CHANNEL}, which the page template opens only for those roles (Faces accepts a socket only
 * for a channel the page rendered in that session). The message is the exception's number, type and
 * severity; the inbox fetches the rest.
 */
@ApplicationScoped
public class ExceptionPush {

  /** The websocket channel of the page template. */
  public static final String CHANNEL = "exceptionAlerts";

  @Inject
  @Push(channel = CHANNEL)
  PushContext push;

  @Inject ExceptionAlerts alerts;

  private Runnable unsubscribe;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    unsubscribe = alerts.subscribe(this::raised);
  }

  @PreDestroy
  void stop() {
    if (unsubscribe != null) {
      unsubscribe.run();
    }
  }

  void raised(SupplyException e) {
    push.send(e.id() + " " + e.type() + " " + e.severity());
  }
}
