package org.custodia.epcis.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.custodia.epcis.infrastructure.persistence.JdbcSubscriptions;
import org.custodia.platform.DomainException;

/**
 * Runs subscriptions: stream subscriptions are polled every two seconds for events recorded since their
 * position; scheduled ones get a persistent calendar timer from their cron-like schedule. Calls are
 * serialised (the singleton's write lock), so one subscription is never delivered twice at once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
public class SubscriptionScheduler {

  private static final Set<String> FIELDS = Set.of("second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek");

  @Resource TimerService timers;
  @Inject JdbcSubscriptions store;
  @Inject SubscriptionDelivery delivery;

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  void pollStreams() {
    store.dueStreams(OffsetDateTime.now(ZoneOffset.UTC)).forEach(s -> delivery.deliver(s, false));
  }

  public void schedule(String subscriptionId, JsonObject schedule) {
    timers.createCalendarTimer(expression(schedule), new TimerConfig(subscriptionId, true));
  }

  public void cancel(String subscriptionId) {
    for (Timer t : timers.getTimers()) {
      if (subscriptionId.equals(t.getInfo())) {
        t.cancel();
      }
    }
  }

  @Timeout
  void fire(Timer timer) {
    store.subscription((String) timer.getInfo()).ifPresent(s -> delivery.deliver(s, true));
  }

  /**
   * The EJB calendar expression of an EPCIS query schedule ({@code {"hour":"1","minute":"5"}}); fields
   * left out keep the EJB defaults (second, minute and hour 0, every day), as EPCIS 1.2 QuerySchedule does.
   */
  static ScheduleExpression expression(JsonObject schedule) {
    ScheduleExpression e = new ScheduleExpression();
    for (String field : schedule.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new SubscriptionService.SubscriptionRefused(DomainException.Kind.INVALID, "invalid-schedule",
            "schedule." + field, null, "a schedule takes " + FIELDS + ", not " + field);
      }
      JsonValue v = schedule.get(field);
      String value = v instanceof JsonString s ? s.getString() : v.toString();
      if (!value.matches("[0-9*,/\\-A-Za-z ]{1,100}")) {
        throw new SubscriptionService.SubscriptionRefused(DomainException.Kind.INVALID, "invalid-schedule",
            "schedule." + field, value, "schedule." + field + " is not a valid schedule value: " + value);
      }
      switch (field) {
        case "second" -> e.second(value);
        case "minute" -> e.minute(value);
        case "hour" -> e.hour(value);
        case "dayOfMonth" -> e.dayOfMonth(value);
        case "month" -> e.month(value);
        default -> e.dayOfWeek(value);
      }
    }
    return e;
  }
}
