package org.custodia.line.rar;

import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineConnection;
import org.custodia.line.api.LineException;
import org.custodia.line.api.LineStatus;
import org.custodia.line.api.Station;

/** The application's handle on a pooled connection; closing it returns the connection. */
public class LineConnectionImpl implements LineConnection {

  private volatile LineManagedConnection managed;

  LineConnectionImpl(LineManagedConnection managed) {
    this.managed = managed;
  }

  void associate(LineManagedConnection mc) {
    this.managed = mc;
  }

  void invalidate() {
    this.managed = null;
  }

  private LineManagedConnection mc() throws LineException {
    LineManagedConnection mc = managed;
    if (mc == null) {
      throw new LineException("the line connection is closed");
    }
    return mc;
  }

  @Override
  public void sendLabel(String lineId, LabelData label) throws LineException {
    mc().run(c -> c.sendLabel(lineId, label));
  }

  @Override
  public void sendLabel(String lineId, Station station, LabelData label) throws LineException {
    mc().run(c -> c.sendLabel(lineId, station, label));
  }

  @Override
  public void reject(String lineId, String unitRef, String reasonCode) throws LineException {
    mc().run(c -> c.reject(lineId, unitRef, reasonCode));
  }

  @Override
  public void setSpeed(String lineId, int unitsPerMinute) throws LineException {
    mc().run(c -> c.setSpeed(lineId, unitsPerMinute));
  }

  @Override
  public void start(String lineId) throws LineException {
    mc().run(c -> c.start(lineId));
  }

  @Override
  public void endRun(String lineId) throws LineException {
    mc().run(c -> c.endRun(lineId));
  }

  @Override
  public void stop(String lineId) throws LineException {
    mc().run(c -> c.stop(lineId));
  }

  @Override
  public LineStatus readLineState(String lineId) throws LineException {
    return mc().read(c -> c.readLineState(lineId));
  }

  @Override
  public void close() {
    LineManagedConnection mc = managed;
    managed = null;
    if (mc != null) {
      mc.closed(this);
    }
  }
}
