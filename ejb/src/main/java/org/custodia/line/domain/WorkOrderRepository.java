package org.custodia.line.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where work orders and their units are kept. */
public interface WorkOrderRepository {

  long nextId();

  void insert(WorkOrder order);

  void update(WorkOrder order);

  Optional<WorkOrder> find(long id);

  /** The order, its row locked until the transaction ends: every change of an order goes through here. */
  Optional<WorkOrder> lock(long id);

  /** The order on {@code line} (RUNNING, PAUSED or STOPPED_BY_EXCEPTION), its row locked, if there is one. */
  Optional<WorkOrder> lockOnLine(String line);

  /** The order closed last on {@code line}, its row locked, if there is one. */
  Optional<WorkOrder> lockLastClosedOn(String line);

  void insertUnits(List<WorkOrderUnit> units);

  void updateUnits(List<WorkOrderUnit> units);

  Optional<WorkOrderUnit> unit(long workOrderId, int sequence);

  Optional<WorkOrderUnit> unitBySerial(long workOrderId, String serial);

  /** Units {@code from} to {@code to} (inclusive) in sequence order. */
  List<WorkOrderUnit> units(long workOrderId, int from, int to);

  List<WorkOrderUnit> unitsIn(long workOrderId, UnitStatus status);

  /** The number of the order's units in each status. */
  Map<UnitStatus, Integer> counts(long workOrderId);

  /** The number of the order's units in {@code status} (an index range, not a scan of the whole order). */
  int count(long workOrderId, UnitStatus status);

  /**
   * Rejected units of orders on a line whose reject is not confirmed, and for which no REJECT_NOT_CONFIRMED
   * exception was raised yet.
   */
  List<WorkOrderUnit> unconfirmedRejects();

  /** Units of RUNNING orders still PRINTED (label sent, no camera verdict) since before {@code before}. */
  List<WorkOrderUnit> printedBefore(java.time.OffsetDateTime before);
}
