package org.custodia.exceptions.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.AlertTopic;
import org.custodia.platform.FakeTransaction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Alerts go to the application's listeners for exceptions whose transaction committed, never for one rolled
 * back; the alert topic gets each in the raising transaction (EXC-3).
 */
@Tag("EXC-3")
class ExceptionAlertsTest {

  /** What the alert topic was given, and in which transaction state. */
  private final List<String> published = new ArrayList<>();

  private ExceptionAlerts alerts(FakeTransaction tx) {
    ExceptionAlerts alerts = new ExceptionAlerts();
    alerts.registry = tx;
    alerts.topic = new AlertTopic() {
      @Override
      public void publish(Alert alert) {
        published.add(alert.kind() + " " + alert.id() + " " + alert.type() + " " + alert.severity() + " "
            + alert.roles() + " committed=" + (tx.status == Status.STATUS_COMMITTED));
      }
    };
    return alerts;
  }

  private static SupplyException raised(long id) {
    return SupplyException.raise(ExceptionType.SUSPECT_PRODUCT, Severity.HIGH, Involved.NONE, "test " + id, "qa",
        OffsetDateTime.now(ZoneOffset.UTC)).withId(id);
  }

  @Test
  void listenersHearOnlyAfterTheCommitInTheOrderRaised() {
    FakeTransaction tx = new FakeTransaction();
    ExceptionAlerts alerts = alerts(tx);
    List<Long> heard = new ArrayList<>();
    alerts.subscribe(e -> heard.add(e.id()));

    alerts.raised(raised(1));
    alerts.raised(raised(2));
    assertEquals(List.of(), heard);
    tx.commit();

    assertEquals(List.of(1L, 2L), heard);
    assertEquals(List.of(
        "supply 1 SUSPECT_PRODUCT HIGH [QA, COMPLIANCE, ADMIN, AUDITOR] committed=false",
        "supply 2 SUSPECT_PRODUCT HIGH [QA, COMPLIANCE, ADMIN, AUDITOR] committed=false"), published,
        "published to the topic inside the transaction, before it commits");
  }

  @Test
  void aRolledBackExceptionIsNeverAnnounced() {
    FakeTransaction tx = new FakeTransaction();
    ExceptionAlerts alerts = alerts(tx);
    List<Long> heard = new ArrayList<>();
    alerts.subscribe(e -> heard.add(e.id()));

    alerts.raised(raised(1));
    tx.setRollbackOnly();
    alerts.raised(raised(2));
    tx.commit();

    assertEquals(List.of(), heard);
  }

  @Test
  void withoutATransactionListenersHearAtOnceAndAFailingOneDoesNotStopTheOthers() {
    FakeTransaction tx = new FakeTransaction();
    tx.status = Status.STATUS_NO_TRANSACTION;
    ExceptionAlerts alerts = alerts(tx);
    List<Long> heard = new ArrayList<>();
    alerts.subscribe(e -> {
      throw new IllegalStateException("broken listener");
    });
    Runnable unsubscribe = alerts.subscribe(e -> heard.add(e.id()));

    alerts.raised(raised(7));
    unsubscribe.run();
    alerts.raised(raised(8));

    assertEquals(List.of(7L), heard);
  }
}
