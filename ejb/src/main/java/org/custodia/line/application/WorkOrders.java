package org.custodia.line.application;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sscc;
import org.custodia.line.domain.CameraVerdict;
import org.custodia.line.domain.ExceptionRecord;
import org.custodia.line.domain.ExceptionType;
import org.custodia.line.domain.LabelData;
import org.custodia.line.domain.LineRepository;
import org.custodia.line.domain.LineState;
import org.custodia.line.domain.MarketLabels;
import org.custodia.line.domain.PrintGrade;
import org.custodia.line.domain.ProductFacts;
import org.custodia.line.domain.ProductionLine;
import org.custodia.line.domain.RejectReason;
import org.custodia.line.domain.Reconciliation;
import org.custodia.line.domain.UnitRef;
import org.custodia.line.domain.UnitStatus;
import org.custodia.line.domain.WorkOrder;
import org.custodia.line.domain.WorkOrderException;
import org.custodia.line.domain.WorkOrderRepository;
import org.custodia.line.domain.WorkOrderStatus;
import org.custodia.line.domain.WorkOrderUnit;

/**
 * The work order use cases and the print-and-verify loop (LINE-2, LINE-3), in the caller's transaction.
 * Plain Java, so that unit tests run exactly this code on the migrated H2 database with an in-memory line;
 * {@link WorkOrderService} wraps it as an EJB with roles and transactions.
 *
 * <p>The loop: starting or resuming an order fills the line's window — units marked PRINTED and their label
 * data sent (after commit) — drawing serials from the order's pool in blocks as needed. Each camera read is
 * judged ({@link CameraVerdict}): a good unit is commissioned through serialization, in the same
 * transaction; a bad one is rejected with its reason and its confirmation awaited. Each judgement frees a
 * place in the window, which the next label fills.
 */
public class WorkOrders {

  private static final Logger LOG = Logger.getLogger(WorkOrders.class.getName());

  /** How many serials one draw takes from the pool by default. */
  public static final int DEFAULT_BLOCK = 1000;

  private final WorkOrderRepository orders;
  private final LineRepository lines;
  private final LineControl port;
  private final SerialSupply serials;
  private final Products products;
  private final AfterCommit afterCommit;
  private final AuditLog audit;
  private final Clock clock;
  private final int block;
  private final LineActivity activity;
  private final LineAggregation aggregation;
  private final LineAlerts alerts;

  public WorkOrders(WorkOrderRepository orders, LineRepository lines, LineControl port, SerialSupply serials,
      Products products, AfterCommit afterCommit, AuditLog audit, Clock clock, int block) {
    this(orders, lines, port, serials, products, afterCommit, audit, clock, block, null, null);
  }

  /**
   * @param activity told after each commit what happened (the dashboard); null tells nobody
   * @param aggregation records the cases and pallets the line closes; null leaves aggregation scans unprocessed
   */
  public WorkOrders(WorkOrderRepository orders, LineRepository lines, LineControl port, SerialSupply serials,
      Products products, AfterCommit afterCommit, AuditLog audit, Clock clock, int block, LineActivity activity,
      LineAggregation aggregation) {
    this(orders, lines, port, serials, products, afterCommit, audit, clock, block, activity, aggregation,
        LineAlerts.NONE);
  }

  /** @param alerts told of each line exception raised, in the raising transaction (EXC-3) */
  public WorkOrders(WorkOrderRepository orders, LineRepository lines, LineControl port, SerialSupply serials,
      Products products, AfterCommit afterCommit, AuditLog audit, Clock clock, int block, LineActivity activity,
      LineAggregation aggregation, LineAlerts alerts) {
    this.alerts = alerts;
    this.activity = activity;
    this.aggregation = aggregation;
    this.orders = orders;
    this.lines = lines;
    this.port = port;
    this.serials = serials;
    this.products = products;
    this.afterCommit = afterCommit;
    this.audit = audit;
    this.clock = clock;
    this.block = block;
  }

  /**
   * Creates a work order. Created by QA it is released at once (QA creating is QA approving) and gets its
   * serial pool; created by another role it waits for {@link #release} by QA.
   */
  public WorkOrderView create(NewWorkOrder cmd, String by, boolean byQa) {
    ProductionLine line = lines.line(cmd.line()).orElseThrow(() -> WorkOrderException.invalid("unknown-line",
        "line", cmd.line(), "field \"line\": there is no configured line \"" + cmd.line() + "\""));
    ProductFacts product = products.product(cmd.gtin()).orElse(null);
    WorkOrder wo = WorkOrder.create(orders.nextId(), line, cmd.gtin(), product, cmd.lot(), cmd.expiry(),
        cmd.quantity(), cmd.markets(), by, byQa, now());
    if (byQa) {
      wo.assignPool(serials.poolFor(wo.gtin(), wo.markets(), wo.quantity(), name(wo)));
    }
    orders.insert(wo);
    audit.done("work-order.create", "WorkOrder", String.valueOf(wo.id()), describe(wo)
        + (byQa ? "; released by its QA creator, serial pool " + wo.poolId() : "; awaiting QA release"));
    changed(wo);
    return view(wo);
  }

  /** QA's release: the order gets its serial pool (found or created for its markets). */
  public WorkOrderView release(long id, String by) {
    WorkOrder wo = lock(id);
    wo.release(by, now());
    wo.assignPool(serials.poolFor(wo.gtin(), wo.markets(), wo.quantity(), name(wo)));
    orders.update(wo);
    audit.done("work-order.release", "WorkOrder", String.valueOf(id), "serial pool " + wo.poolId());
    changed(wo);
    return view(wo);
  }

  /** Starts the order on its line (one order per line at a time) and sends the first window of labels. */
  public WorkOrderView start(long id) {
    WorkOrder wo = lock(id);
    ProductionLine line = lines.lockLine(wo.line()).orElseThrow();
    orders.lockOnLine(wo.line()).filter(o -> o.id() != id).ifPresent(o -> {
      throw WorkOrderException.conflict("line-busy", "line", wo.line(),
          "line " + wo.line() + " is running work order " + o.id() + " (" + o.status() + ")");
    });
    wo.start(now());
    startLine(wo);
    fill(wo, line);
    sendStationLabels(wo, line, LineAggregation.Level.CASE, CASE_LABELS_AHEAD);
    sendStationLabels(wo, line, LineAggregation.Level.PALLET, PALLET_LABELS_AHEAD);
    orders.update(wo);
    audit.done("work-order.start", "WorkOrder", String.valueOf(id), "on " + wo.line());
    changed(wo);
    return view(wo);
  }

  /** Pauses: no further labels; units on the way are still judged. */
  public WorkOrderView pause(long id) {
    WorkOrder wo = lock(id);
    wo.pause();
    orders.update(wo);
    audit.done("work-order.pause", "WorkOrder", String.valueOf(id), "paused");
    changed(wo);
    return view(wo);
  }

  /** Resumes a paused order, or a stopped one whose stopping exceptions are resolved. */
  public WorkOrderView resume(long id) {
    WorkOrder wo = lock(id);
    wo.resume(lines.openStoppingExceptions(id));
    startLine(wo);
    fill(wo, lines.line(wo.line()).orElseThrow());
    orders.update(wo);
    audit.done("work-order.resume", "WorkOrder", String.valueOf(id), "resumed");
    changed(wo);
    return view(wo);
  }

  /**
   * Closes the order and reconciles it: a running order is paused first; units printed but never judged
   * are destroyed (reason NOT_VERIFIED_AT_CLOSE — they cannot be commissioned); serials drawn but never
   * printed are marked unused in their pool with a reason; then printed = good + rejected + sampled +
   * destroyed and every serial drawn is accounted for by status, or nothing is written. Rejects still
   * unconfirmed raise an exception.
   */
  public WorkOrderView close(long id, String by) {
    WorkOrder wo = lock(id);
    OffsetDateTime now = now();
    List<WorkOrderUnit> inFlight = orders.unitsIn(id, UnitStatus.PRINTED);
    inFlight.forEach(u -> u.destroy("NOT_VERIFIED_AT_CLOSE", now));
    orders.updateUnits(inFlight);
    List<WorkOrderUnit> pending = orders.unitsIn(id, UnitStatus.ALLOCATED);
    pending.forEach(u -> u.unused(now));
    orders.updateUnits(pending);
    if (!pending.isEmpty()) {
      serials.markUnused(wo.gtin(), pending.stream().map(WorkOrderUnit::serial).toList(),
          name(wo) + " closed: never printed");
    }
    long unconfirmed = orders.unitsIn(id, UnitStatus.REJECTED).stream()
        .filter(WorkOrderUnit::awaitsRejectConfirmation).count();
    if (unconfirmed > 0) {
      raise(ExceptionType.REJECT_NOT_CONFIRMED, wo.line(), id, null,
          unconfirmed + " reject(s) of " + name(wo) + " not confirmed when it was closed");
    }
    Reconciliation r = Reconciliation.of(orders.counts(id));
    boolean onLine = wo.status().onLine();
    wo.close(by, now, r);
    orders.update(wo);
    if (onLine) {
      String line = wo.line();
      afterCommit.run(() -> port.endRun(line));
    }
    audit.done("work-order.close", "WorkOrder", String.valueOf(id), "reconciled: printed " + r.printed()
        + " = good " + r.good() + " + rejected " + r.rejected() + " + sampled " + r.sampled() + " + destroyed "
        + r.destroyed() + " (" + inFlight.size() + " not verified at close); unused " + r.unused());
    changed(wo);
    return view(wo);
  }

  /** A unit taken off the line as a sample before the camera judged it. */
  public WorkOrderView sample(long id, int sequence) {
    WorkOrder wo = lock(id);
    WorkOrderUnit u = unit(id, sequence);
    u.sample(now());
    orders.updateUnits(List.of(u));
    fillIfOnLine(wo);
    audit.done("work-order.sample", "WorkOrder", String.valueOf(id), "unit " + u.ref() + " sampled");
    changed(wo);
    return view(wo);
  }

  /** A printed or rejected unit destroyed, with a reason. */
  public WorkOrderView destroy(long id, int sequence, String reason) {
    if (reason == null || reason.isBlank()) {
      throw WorkOrderException.invalid("reason-required", "reason", reason, "a reason is required to destroy a unit");
    }
    WorkOrder wo = lock(id);
    WorkOrderUnit u = unit(id, sequence);
    u.destroy(reason.length() > 40 ? reason.substring(0, 40) : reason, now());
    orders.updateUnits(List.of(u));
    fillIfOnLine(wo);
    audit.done("work-order.destroy", "WorkOrder", String.valueOf(id), "unit " + u.ref() + " destroyed: " + reason);
    changed(wo);
    return view(wo);
  }

  public WorkOrderView view(long id) {
    return view(orders.find(id).orElseThrow(() -> notFound(id)));
  }

  // ---- inbound from the line ----

  /**
   * A camera read as the line adapter delivers it: message {@code lineSequence} of {@code line}, about the
   * pack the line tracks as {@code lineRef} (the {@link UnitRef} its label was sent with). Processed once:
   * a message delivered again (after a crash, the adapter asks the line to resend from the last message
   * recorded as processed) is recognised and ignored. A pack whose reference names no unit of the order on
   * the line is rejected and raised.
   */
  public void onCameraRead(String line, long lineSequence, String lineRef, String code, String grade,
      Instant timestamp) {
    if (!lines.markProcessed(line, lineSequence, now())) {
      LOG.fine(() -> "camera read " + lineSequence + " of " + line + " was processed before");
      return;
    }
    Optional<UnitRef> ref = UnitRef.parse(lineRef);
    Optional<WorkOrder> on = orders.lockOnLine(line);
    if (ref.isPresent() && on.isPresent() && ref.get().workOrderId() == on.get().id()) {
      onCameraRead(line, ref.get().sequence(), code, grade, timestamp);
      return;
    }
    port.rejectPack(line, lineRef, RejectReason.NOT_EXPECTED);
    raise(ExceptionType.UNEXPECTED_READ, line, on.map(WorkOrder::id).orElse(null), null, "read of pack " + lineRef
        + " on " + line + (on.isEmpty() ? " while no work order is on the line" : ", which is no unit of work order "
        + on.get().id()) + "; the pack is rejected");
    told(new LineActivity.Read(line, on.map(WorkOrder::id).orElse(0L), 0, null, code, grade,
        RejectReason.NOT_EXPECTED.name(), timestamp));
  }

  /**
   * Commissions the good units the camera reads of the current transaction left with the serial supply
   * (which may hold them to commission a transaction's units together); runs before the transaction ends.
   */
  public void commissionPending() {
    serials.commissionPending();
  }

  /** A reject confirmation as the line adapter delivers it; processed once (see the camera read). */
  public void onRejectConfirmed(String line, long lineSequence, String lineRef) {
    if (!lines.markProcessed(line, lineSequence, now())) {
      return;
    }
    UnitRef.parse(lineRef).ifPresentOrElse(ref -> onRejectConfirmed(line, ref),
        () -> LOG.fine(() -> "reject of pack " + lineRef + " on " + line + " confirmed"));
  }

  /**
   * A case packer's or pallet station's scan as the line adapter delivers it; processed once. The case or
   * pallet goes to the aggregation feature for the order on the line; one it refuses raises an exception.
   */
  public void onAggregationScan(String line, long lineSequence, LineAggregation.Level level, String parentCode,
      List<String> childCodes, Instant timestamp) {
    if (!lines.markProcessed(line, lineSequence, now())) {
      return;
    }
    // the case may hold units verified earlier in this transaction: aggregation accepts commissioned units only
    serials.commissionPending();
    if (aggregation == null) {
      onAggregationScan(line, level.name(), parentCode, childCodes);
      return;
    }
    // a scan belongs to the order on the line; after a close, the partial case and pallet the end of its run
    // closed belong to the order closed last
    Optional<WorkOrder> on = orders.lockOnLine(line);
    boolean endOfRun = on.isEmpty();
    Optional<WorkOrder> of = endOfRun ? orders.lockLastClosedOn(line) : on;
    if (of.isEmpty()) {
      raise(ExceptionType.AGGREGATION_REFUSED, line, null, null, level + " " + parentCode + " closed on " + line
          + ", which has never run a work order");
      return;
    }
    WorkOrder wo = of.get();
    ProductionLine pl = lines.line(line).orElseThrow();
    int configured = level == LineAggregation.Level.CASE ? pl.unitsPerCase() : pl.casesPerPallet();
    LineAggregation.Packed packed = aggregation.packed(line, wo.id(), level, parentCode, childCodes, configured,
        endOfRun, timestamp);
    if (!packed.accepted()) {
      raise(ExceptionType.AGGREGATION_REFUSED, line, wo.id(), null, level + " " + parentCode + " refused: "
          + packed.reason());
    }
    if (!endOfRun) {
      // the station took the label it was sent: send the next
      sendStationLabels(wo, pl, level, 1);
    }
    changed(wo);
  }

  /**
   * A camera read of the pack that carries unit {@code sequence} of the order on {@code line}.
   *
   * @param code the decoded data (raw with GS separators, with or without symbology identifier, or
   *     bracketed), or null when nothing could be decoded
   * @param grade the print quality grade (A–F or 4.0–0.0); null counts as F
   */
  public void onCameraRead(String line, int sequence, String code, String grade, Instant timestamp) {
    Optional<WorkOrder> on = orders.lockOnLine(line);
    OffsetDateTime readTime = OffsetDateTime.ofInstant(timestamp == null ? clock.instant() : timestamp, ZoneOffset.UTC);
    if (on.isEmpty()) {
      port.reject(line, new UnitRef(0, sequence), RejectReason.NOT_EXPECTED);
      raise(ExceptionType.UNEXPECTED_READ, line, null, sequence, "read of unit " + sequence + " on " + line
          + " while no work order is on the line");
      return;
    }
    WorkOrder wo = on.get();
    Optional<WorkOrderUnit> found = orders.unit(wo.id(), sequence);
    if (found.isEmpty() || found.get().status() != UnitStatus.PRINTED) {
      UnitRef ref = new UnitRef(wo.id(), sequence);
      port.reject(line, ref, RejectReason.NOT_EXPECTED);
      raise(ExceptionType.UNEXPECTED_READ, line, wo.id(), sequence, "read of " + ref + " which is "
          + found.map(u -> u.status().name()).orElse("not a unit of the order") + "; the pack is rejected");
      return;
    }
    WorkOrderUnit unit = found.get();
    skipMissedReads(wo, sequence);
    CameraVerdict v = CameraVerdict.judge(wo, unit, code, PrintGrade.parse(grade),
        serial -> orders.unitBySerial(wo.id(), serial));
    OffsetDateTime now = now();
    List<WorkOrderUnit> changed = new ArrayList<>(2);
    changed.add(unit);
    if (v.good()) {
      unit.good(v.grade(), readTime, now);
      serials.commission(wo.gtin(), wo.lot(), wo.expiry(), unit.serial(), line, name(wo));
    } else {
      unit.reject(v.reject(), v.grade(), v.ownCodeRead(), readTime, now);
      if (v.codeOwner() != null) {
        v.codeOwner().codeSeen(readTime);
        changed.add(v.codeOwner());
      }
      port.reject(line, unit.ref(), v.reject());
      if (v.raise() != null) {
        raise(v.raise(), line, wo.id(), sequence, v.detail());
      }
    }
    orders.updateUnits(changed);
    fill(wo, lines.line(line).orElseThrow());
    orders.update(wo);
    told(new LineActivity.Read(line, wo.id(), sequence, unit.serial(), code, grade,
        v.good() ? "GOOD" : v.reject().name(), readTime.toInstant()));
  }

  /**
   * Units travel from printer to camera in the order their labels were sent: a read of unit {@code sequence}
   * means every earlier unit still PRINTED was missed — its label never printed (a crash between the commit
   * and the printer) or its pack passed unseen. They are destroyed (never commissioned), and raised.
   */
  private void skipMissedReads(WorkOrder wo, int sequence) {
    List<WorkOrderUnit> missed = orders.unitsIn(wo.id(), UnitStatus.PRINTED).stream()
        .filter(u -> u.sequence() < sequence).toList();
    if (missed.isEmpty()) {
      return;
    }
    OffsetDateTime now = now();
    missed.forEach(u -> u.destroy("NOT_READ_BY_CAMERA", now));
    orders.updateUnits(missed);
    raise(ExceptionType.MISSED_READ, wo.line(), wo.id(), missed.get(0).sequence(), missed.size()
        + " unit(s) of " + name(wo) + " never read by the camera before unit " + sequence + " (first "
        + missed.get(0).ref() + "): destroyed, not commissioned");
  }

  /** The reject station confirmed it took off the pack of {@code unit}. */
  public void onRejectConfirmed(String line, UnitRef unit) {
    Optional<WorkOrderUnit> u = orders.lock(unit.workOrderId())
        .flatMap(wo -> orders.unit(unit.workOrderId(), unit.sequence()));
    if (u.isPresent() && u.get().confirmReject(now())) {
      orders.updateUnits(List.of(u.get()));
    } else {
      LOG.fine(() -> "reject confirmation of " + unit + " on " + line + " confirms nothing awaited");
    }
  }

  /**
   * The line's own state: a line that stops pauses its running order (the operator resumes it); a fault
   * stops the order by exception.
   */
  public void onLineState(String line, LineState state) {
    onLineState(line, state, clock.instant(), false);
  }

  /**
   * The line's state at {@code at}: a change the line sent, or ({@code report}) what the adapter read on
   * connecting or that it lost the line. DISCONNECTED pauses the running order, and RUNNING resumes an order
   * the disconnect paused; STOPPED pauses the order (the operator resumes it: a line that came back stopped,
   * e.g. after its controller restarted, is not started again behind the operator's back) and FAULT stops
   * it — unless the state was seen before, or within a grace period after, the application last told the
   * line to start: an old state still being delivered, or read before the start command arrived.
   */
  public void onLineState(String line, LineState state, Instant at, boolean report) {
    afterCommit.run(() -> {
      if (activity != null) {
        activity.lineState(line, state.name(), at);
      }
    });
    Optional<WorkOrder> on = orders.lockOnLine(line);
    if (on.isPresent() && state == LineState.RUNNING && on.get().resumeAfterReconnect()) {
      WorkOrder wo = on.get();
      fill(wo, lines.line(line).orElseThrow());
      orders.update(wo);
      audit.done("work-order.resume", "WorkOrder", String.valueOf(wo.id()), "line " + line + " connected again");
      changed(wo);
      return;
    }
    if (on.isEmpty() || on.get().status() != WorkOrderStatus.RUNNING) {
      return;
    }
    WorkOrder wo = on.get();
    if (state != LineState.DISCONNECTED && wo.reportPredatesLineStart(at)) {
      LOG.fine(() -> "line " + line + " reported " + state + " at " + at + ", before it was last told to start");
      return;
    }
    if (state == LineState.DISCONNECTED) {
      wo.pauseForDisconnect();
      orders.update(wo);
      audit.done("work-order.pause", "WorkOrder", String.valueOf(wo.id()), "line " + line + " disconnected");
      changed(wo);
    } else if (state == LineState.STOPPED) {
      wo.pause();
      orders.update(wo);
      audit.done("work-order.pause", "WorkOrder", String.valueOf(wo.id()), "line " + line + " reported STOPPED"
          + (report ? " (read on connecting)" : ""));
    } else if (state == LineState.FAULT) {
      wo.stopByException();
      orders.update(wo);
      raise(ExceptionType.LINE_FAULT, line, wo.id(), null, "line " + line + " reported a fault");
    }
    changed(wo);
  }

  /**
   * An aggregation station's scan (a case or pallet code and the codes inside). Aggregation comes with
   * the aggregation feature; this hook keeps the inbound contract stable until then and records nothing.
   */
  public void onAggregationScan(String line, String station, String parentCode, List<String> childCodes) {
    LOG.fine(() -> "aggregation scan on " + line + "/" + station + " of " + parentCode + " ("
        + (childCodes == null ? 0 : childCodes.size()) + " children) not processed yet");
  }

  /**
   * Rejects not confirmed within their line's timeout (LINE-3): each raises an exception, and stops the line
   * where so configured. Returns how many were found.
   */
  public int checkRejectTimeouts() {
    OffsetDateTime now = now();
    int found = 0;
    for (WorkOrderUnit u : orders.unconfirmedRejects()) {
      WorkOrder wo = lock(u.workOrderId());
      ProductionLine line = lines.line(wo.line()).orElseThrow();
      if (u.decidedAt() == null || !u.decidedAt().plus(line.rejectTimeout()).isBefore(now)) {
        continue;
      }
      found++;
      raise(ExceptionType.REJECT_NOT_CONFIRMED, line.id(), wo.id(), u.sequence(), "reject of " + u.ref()
          + " (" + u.reason() + ") not confirmed within " + line.rejectTimeout().toMillis() + " ms"
          + (line.stopOnUnconfirmedReject() ? "; line stopped" : ""));
      if (line.stopOnUnconfirmedReject()) {
        port.stop(line.id(), "reject of " + u.ref() + " not confirmed");
        if (wo.stopByException()) {
          orders.update(wo);
        }
      }
    }
    return found;
  }

  /**
   * Units whose label was sent more than {@code after} ago and that the camera never read, on running orders:
   * their packs are not coming (the label never reached the printer — a lost connection or a crash between
   * the commit and the print — or the pack fell off before the camera). They are destroyed, never
   * commissioned, raised as MISSED_READ, and the window refills, so a run never stalls on them. Returns how
   * many were found.
   */
  public int checkMissedReads(java.time.Duration after) {
    List<WorkOrderUnit> stale = orders.printedBefore(now().minus(after));
    Map<Long, List<WorkOrderUnit>> byOrder = new java.util.TreeMap<>();
    stale.forEach(u -> byOrder.computeIfAbsent(u.workOrderId(), k -> new ArrayList<>()).add(u));
    int found = 0;
    for (Map.Entry<Long, List<WorkOrderUnit>> e : byOrder.entrySet()) {
      WorkOrder wo = lock(e.getKey());
      OffsetDateTime cutoff = now().minus(after);
      List<WorkOrderUnit> missed = orders.unitsIn(wo.id(), UnitStatus.PRINTED).stream()
          .filter(u -> u.printedAt() != null && u.printedAt().isBefore(cutoff)).toList();
      if (wo.status() != WorkOrderStatus.RUNNING || missed.isEmpty()) {
        continue;
      }
      OffsetDateTime now = now();
      missed.forEach(u -> u.destroy("NOT_READ_BY_CAMERA", now));
      orders.updateUnits(missed);
      found += missed.size();
      raise(ExceptionType.MISSED_READ, wo.line(), wo.id(), missed.get(0).sequence(), missed.size() + " unit(s) of "
          + name(wo) + " not read by the camera within " + after.toMillis() + " ms of their label (first "
          + missed.get(0).ref() + "): destroyed, not commissioned");
      fill(wo, lines.line(wo.line()).orElseThrow());
      orders.update(wo);
      changed(wo);
    }
    return found;
  }

  // ---- exceptions ----

  public List<ExceptionView> exceptions(ExceptionRecord.Status status, Long workOrderId, int limit) {
    return lines.exceptions(status, workOrderId, limit).stream().map(ExceptionView::of).toList();
  }

  /**
   * Resolves an exception. Resolving a REJECT_NOT_CONFIRMED exception of a unit is QA's statement that the
   * pack was taken off: the unit's reject counts as confirmed.
   */
  public ExceptionView resolve(long exceptionId, String by, String resolution) {
    ExceptionRecord e = lines.exception(exceptionId).orElseThrow(() -> WorkOrderException.notFound("id",
        exceptionId, "there is no line exception " + exceptionId));
    OffsetDateTime now = now();
    e.resolve(by, resolution, now);
    lines.update(e);
    if (e.type() == ExceptionType.REJECT_NOT_CONFIRMED && e.workOrderId() != null && e.sequence() != null) {
      lock(e.workOrderId());
      orders.unit(e.workOrderId(), e.sequence()).filter(u -> u.confirmReject(now))
          .ifPresent(u -> orders.updateUnits(List.of(u)));
    }
    audit.done("line-exception.resolve", "LineException", String.valueOf(exceptionId), resolution);
    afterCommit.run(() -> {
      if (activity != null) {
        activity.exceptionChanged(e.line(), e.id());
      }
    });
    return ExceptionView.of(e);
  }

  // ---- the loop ----

  private void fillIfOnLine(WorkOrder wo) {
    if (wo.status().onLine()) {
      fill(wo, lines.line(wo.line()).orElseThrow());
      orders.update(wo);
    }
  }

  /** Sends labels until the line's window is full or the quantity is covered; the caller stores the order. */
  private void fill(WorkOrder wo, ProductionLine line) {
    // runs on every read: count the few units on the way, and the good ones only near the end of the order
    // (good + on the way <= labels sent, so while more than a window of labels is left to send, the good
    // count cannot change the answer); counting every status of a large order on each read grew with the
    // order
    int inFlight = orders.count(wo.id(), UnitStatus.PRINTED);
    int good = wo.quantity() - wo.lastSent() >= line.windowSize() - inFlight ? 0 : orders.count(wo.id(), UnitStatus.GOOD);
    int n = wo.labelsToSend(inFlight, good, line.windowSize());
    if (n == 0) {
      return;
    }
    OffsetDateTime now = now();
    int draw = wo.serialsToDraw(n, block);
    if (draw > 0) {
      List<String> drawn = serials.allocate(wo.poolId(), draw, name(wo));
      List<WorkOrderUnit> fresh = new ArrayList<>(drawn.size());
      for (int i = 0; i < drawn.size(); i++) {
        fresh.add(WorkOrderUnit.allocated(wo.id(), wo.serialsAllocated() + i + 1, drawn.get(i), wo.poolId(), now));
      }
      orders.insertUnits(fresh);
      wo.recordAllocation(drawn.size());
    }
    List<WorkOrderUnit> next = orders.units(wo.id(), wo.lastSent() + 1, wo.lastSent() + n);
    next.forEach(u -> u.print(now));
    orders.updateUnits(next);
    wo.recordSent(next.size());
    String ndc = products.product(wo.gtin()).map(ProductFacts::ndc).orElse(null);
    List<LabelData> labels = new ArrayList<>(next.size());
    for (WorkOrderUnit u : next) {
      labels.add(MarketLabels.unit(wo.markets().get(0), wo.gtin(), wo.lot(), wo.expiry(),
          new SerialNumber(u.serial()), ndc));
    }
    String lineId = wo.line();
    long id = wo.id();
    afterCommit.run(() -> {
      for (int i = 0; i < next.size(); i++) {
        port.sendLabel(lineId, id, next.get(i).sequence(), labels.get(i));
      }
    });
  }

  private void raise(ExceptionType type, String line, Long workOrderId, Integer sequence, String detail) {
    ExceptionRecord e = ExceptionRecord.raise(lines.nextExceptionId(), type, line, workOrderId, sequence, now(), detail);
    lines.insert(e);
    alerts.raised(e);
    LOG.warning(() -> "line exception " + e.id() + " " + type + ": " + detail);
    afterCommit.run(() -> {
      if (activity != null) {
        activity.exceptionChanged(line, e.id());
      }
    });
  }

  /** SSCC labels the case packer and the pallet station hold ahead of the cases and pallets they close. */
  static final int CASE_LABELS_AHEAD = 2;

  static final int PALLET_LABELS_AHEAD = 1;

  /** Allocates {@code count} SSCCs from the aggregation feature's pool and sends their labels to the station. */
  private void sendStationLabels(WorkOrder wo, ProductionLine line, LineAggregation.Level level, int count) {
    if (aggregation == null || count <= 0) {
      return;
    }
    String ndc = products.product(wo.gtin()).map(ProductFacts::ndc).orElse(null);
    int units = level == LineAggregation.Level.CASE ? line.unitsPerCase() : line.unitsPerCase() * line.casesPerPallet();
    List<LabelData> labels = new ArrayList<>(count);
    for (String sscc : aggregation.allocateSsccs(wo.id(), level, count)) {
      Sscc s = Sscc.of(sscc);
      labels.add(level == LineAggregation.Level.CASE
          ? MarketLabels.caseLabel(wo.markets().get(0), s, wo.gtin(), wo.lot(), wo.expiry(), units, ndc)
          : MarketLabels.palletLabel(wo.markets().get(0), s, wo.gtin(), wo.lot(), wo.expiry(), units, ndc));
    }
    String lineId = wo.line();
    afterCommit.run(() -> labels.forEach(l -> port.sendStationLabel(lineId, level, l)));
  }

  private void startLine(WorkOrder wo) {
    wo.lineStartedAt(now());
    String line = wo.line();
    afterCommit.run(() -> port.start(line));
  }

  private void changed(WorkOrder wo) {
    String line = wo.line();
    long id = wo.id();
    afterCommit.run(() -> {
      if (activity != null) {
        activity.workOrderChanged(line, id);
      }
    });
  }

  private void told(LineActivity.Read read) {
    afterCommit.run(() -> {
      if (activity != null) {
        activity.read(read);
      }
    });
  }

  private WorkOrder lock(long id) {
    return orders.lock(id).orElseThrow(() -> notFound(id));
  }

  private WorkOrderUnit unit(long id, int sequence) {
    return orders.unit(id, sequence).orElseThrow(() -> WorkOrderException.notFound("sequence", sequence,
        "work order " + id + " has no unit " + sequence));
  }

  private WorkOrderView view(WorkOrder wo) {
    Reconciliation r = Reconciliation.of(orders.counts(wo.id()));
    return aggregation == null ? WorkOrderView.of(wo, r) : WorkOrderView.of(wo, r,
        aggregation.count(wo.id(), LineAggregation.Level.CASE), aggregation.count(wo.id(), LineAggregation.Level.PALLET));
  }

  private static WorkOrderException notFound(long id) {
    return WorkOrderException.notFound("id", id, "there is no work order " + id);
  }

  private static String name(WorkOrder wo) {
    return "WO-" + wo.id();
  }

  private static String describe(WorkOrder wo) {
    return "line " + wo.line() + ", GTIN " + wo.gtin().value() + ", lot " + wo.lot().value() + ", expiry "
        + wo.expiry().value() + ", quantity " + wo.quantity() + ", markets " + wo.markets();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
