package org.custodia.validation.oq.line;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.custodia.line.api.LineMessage;

/** What the test MDB received, in arrival order, with the arrival time (System.nanoTime). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecordedLineEvents {

  /** A message and when it arrived. */
  public record Arrival(LineMessage message, long nanoTime) {}

  private final List<Arrival> arrivals = new ArrayList<>();

  public synchronized void add(LineMessage message) {
    arrivals.add(new Arrival(message, System.nanoTime()));
  }

  public synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  public synchronized int size() {
    return arrivals.size();
  }
}
