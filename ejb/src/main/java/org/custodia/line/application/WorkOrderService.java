package org.custodia.line.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.audit.application.AuditTrail;
import org.custodia.line.domain.ExceptionRecord;
import org.custodia.line.domain.LineRepository;
import org.custodia.line.domain.LineState;
import org.custodia.line.domain.UnitRef;
import org.custodia.line.domain.WorkOrderRepository;
import org.custodia.platform.AlertTopic;
import org.custodia.security.Roles;

/**
 * Work orders on packaging lines (LINE-2, LINE-3, LBL-3, MKT-1, EXC-1): the REST API's and the line
 * adapter's entry point. Roles: QA, supply chain and administrators create orders — an order created by QA
 * is released by that act (QA creating is QA approving), one created by another role waits for {@code
 * release} by QA; the operator starts, pauses and resumes; the operator or QA closes; QA resolves line
 * exceptions; everyone reads.
 *
 * <p>The inbound methods ({@link #onCameraRead}, {@link #onRejectConfirmed}, {@link #onLineState}, {@link
 * #onAggregationScan}) are for the line adapter's message-driven bean, which runs as {@code
 * @RunAs(Roles.OPERATOR)}; each is one transaction (XA with the database and the EPCIS capture queue when
 * a unit is commissioned), so a crash between a read and its commit leaves the unit PRINTED and the read is
 * delivered again.
 */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class WorkOrderService {

  /** Serials drawn from the pool per block; system property {@code custodia.line.serial-block}. */
  static final int BLOCK = Integer.getInteger("custodia.line.serial-block", WorkOrders.DEFAULT_BLOCK);

  /** The roles that follow line exceptions up: the operator at the line and QA, who resolves them. */
  static final List<String> ALERT_ROLES = List.of(Roles.OPERATOR, Roles.QA);

  @Inject WorkOrderRepository orders;
  @Inject LineRepository lines;
  @Inject LineControl port;
  @Inject SerialSupply serials;
  @Inject Products products;
  @Inject AfterCommit afterCommit;
  @Inject AuditTrail audit;
  @Inject LineActivity activity;
  @Inject Instance<LineAggregation> aggregation;
  @Inject AlertTopic alertTopic;
  @Resource SessionContext session;

  private WorkOrders workOrders;

  /** A line exception on the alert topic (EXC-3): HIGH when it stops the line, MEDIUM otherwise. */
  private void alert(ExceptionRecord e) {
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("line", e.line());
    objects.put("workOrderId", e.workOrderId() == null ? null : String.valueOf(e.workOrderId()));
    objects.put("sequence", e.sequence() == null ? null : String.valueOf(e.sequence()));
    alertTopic.publish(new AlertTopic.Alert("line", e.id(), e.type().name(), e.type().stopsLine() ? "HIGH" : "MEDIUM",
        e.detail(), e.raisedAt(), caller(), ALERT_ROLES, objects));
  }

  @PostConstruct
  void init() {
    workOrders = new WorkOrders(orders, lines, port, serials, products, afterCommit, audit::done,
        Clock.systemUTC(), BLOCK, activity, aggregation.isResolvable() ? aggregation.get() : null, this::alert);
  }

  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.ADMIN})
  public WorkOrderView create(NewWorkOrder order) {
    return workOrders.create(order, caller(), session.isCallerInRole(Roles.QA));
  }

  @RolesAllowed(Roles.QA)
  public WorkOrderView release(long id) {
    return workOrders.release(id, caller());
  }

  @RolesAllowed(Roles.OPERATOR)
  public WorkOrderView start(long id) {
    return workOrders.start(id);
  }

  @RolesAllowed(Roles.OPERATOR)
  public WorkOrderView pause(long id) {
    return workOrders.pause(id);
  }

  @RolesAllowed(Roles.OPERATOR)
  public WorkOrderView resume(long id) {
    return workOrders.resume(id);
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA})
  public WorkOrderView close(long id) {
    return workOrders.close(id, caller());
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA})
  public WorkOrderView sample(long id, int sequence) {
    return workOrders.sample(id, sequence);
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA})
  public WorkOrderView destroy(long id, int sequence, String reason) {
    return workOrders.destroy(id, sequence, reason);
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public WorkOrderView workOrder(long id) {
    return workOrders.view(id);
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<ExceptionView> exceptions(ExceptionRecord.Status status, Long workOrderId, int limit) {
    return workOrders.exceptions(status, workOrderId, limit);
  }

  @RolesAllowed(Roles.QA)
  public ExceptionView resolveException(long id, String resolution) {
    return workOrders.resolve(id, caller(), resolution);
  }

  /** See {@link WorkOrders#onCameraRead}. */
  @RolesAllowed(Roles.OPERATOR)
  public void onCameraRead(String line, int sequence, String elementString, String grade, Instant timestamp) {
    workOrders.onCameraRead(line, sequence, elementString, grade, timestamp);
    workOrders.commissionPending();
  }

  /**
   * A camera read from the line adapter, processed once; see {@link WorkOrders#onCameraRead(String, long, String, String, String, Instant)}.
   * A good unit is commissioned by {@link #commissionPending}, which the caller runs before its transaction
   * ends (once for all the reads of a delivery).
   */
  @RolesAllowed(Roles.OPERATOR)
  public void onCameraRead(String line, long lineSequence, String lineRef, String code, String grade,
      Instant timestamp) {
    workOrders.onCameraRead(line, lineSequence, lineRef, code, grade, timestamp);
  }

  /** A reject confirmation from the line adapter, processed once. */
  @RolesAllowed(Roles.OPERATOR)
  public void onRejectConfirmed(String line, long lineSequence, String lineRef) {
    workOrders.onRejectConfirmed(line, lineSequence, lineRef);
  }

  /** A case or pallet closed on the line, from the line adapter, processed once. */
  @RolesAllowed(Roles.OPERATOR)
  public void onAggregationScan(String line, long lineSequence, LineAggregation.Level level, String parentCode,
      List<String> childCodes, Instant timestamp) {
    workOrders.onAggregationScan(line, lineSequence, level, parentCode, childCodes, timestamp);
  }

  /**
   * Commissions the good units of the caller's transaction that the adapter's messages left pending, in one
   * call of the serialization feature; see {@link WorkOrders#commissionPending}.
   */
  @RolesAllowed(Roles.OPERATOR)
  public void commissionPending() {
    workOrders.commissionPending();
  }

  /** The last message of {@code line} whose processing committed, -1 when none (the adapter resumes after it). */
  @RolesAllowed(Roles.OPERATOR)
  public long processedUpTo(String line) {
    return lines.processedUpTo(line);
  }

  /** See {@link WorkOrders#onRejectConfirmed}. */
  @RolesAllowed(Roles.OPERATOR)
  public void onRejectConfirmed(String line, UnitRef unit) {
    workOrders.onRejectConfirmed(line, unit);
  }

  /** See {@link WorkOrders#onLineState}. */
  @RolesAllowed(Roles.OPERATOR)
  public void onLineState(String line, LineState state) {
    workOrders.onLineState(line, state);
  }

  /** The line's state as the line adapter reports it; see {@link WorkOrders#onLineState(String, LineState, Instant)}. */
  @RolesAllowed(Roles.OPERATOR)
  public void onLineState(String line, LineState state, Instant at, boolean report) {
    workOrders.onLineState(line, state, at, report);
  }

  /** See {@link WorkOrders#onAggregationScan}. */
  @RolesAllowed(Roles.OPERATOR)
  public void onAggregationScan(String line, String station, String parentCode, List<String> childCodes) {
    workOrders.onAggregationScan(line, station, parentCode, childCodes);
  }

  /** Raises exceptions for rejects not confirmed in time and stops their lines; see {@link RejectWatchdog}. */
  @RolesAllowed(Roles.OPERATOR)
  public int checkRejectTimeouts() {
    return workOrders.checkRejectTimeouts();
  }

  /** How long a sent label may wait for its camera read; system property {@code custodia.line.missed-read-ms}. */
  static final java.time.Duration MISSED_READ_AFTER =
      java.time.Duration.ofMillis(Long.getLong("custodia.line.missed-read-ms", 30_000));

  /** Destroys and raises units never read by the camera; see {@link WorkOrders#checkMissedReads}. */
  @RolesAllowed(Roles.OPERATOR)
  public int checkMissedReads() {
    return workOrders.checkMissedReads(MISSED_READ_AFTER);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
