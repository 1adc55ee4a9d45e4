package org.custodia.line.infrastructure.line;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodia.line.application.LineActivity;

/** Tells nobody: the binding of {@link LineActivity} until the operator dashboard listens. */
@ApplicationScoped
public class QuietLineActivity implements LineActivity {

  @Override
  public void read(Read read) {}

  @Override
  public void workOrderChanged(String line, long workOrderId) {}

  @Override
  public void exceptionChanged(String line, long exceptionId) {}

  @Override
  public void lineState(String line, String state, java.time.Instant at) {}
}
