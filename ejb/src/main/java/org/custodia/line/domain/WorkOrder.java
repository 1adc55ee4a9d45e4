package org.custodia.line.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;

/**
 * A work order (LINE-2): produce {@code quantity} good units of one product, lot and expiry on one line for
 * its target markets. The aggregate root of the line feature; its units ({@link WorkOrderUnit}) are kept
 * apart because an order may have a million of them.
 *
 * <p>Life cycle: {@link #create} → CREATED, or RELEASED at once when a QA user creates it (QA creating is
 * QA approving); {@link #release} by QA → RELEASED; {@link #start} → RUNNING; {@link #pause} ⇄ {@link
 * #resume}; {@link #stopByException} → STOPPED_BY_EXCEPTION, left by {@link #resume} once the stopping
 * exceptions are resolved; {@link #close} → CLOSED from any other state, a running order being paused first,
 * and only when the units reconcile. Which role may call what is the application service's business
 * (QA releases and closes; the operator starts, pauses, resumes and closes).
 *
 * <p>The loop: the order decides how many labels to send next ({@link #labelsToSend}) and how many serials
 * to draw for them ({@link #serialsToDraw}), in blocks, never the whole quantity at once.
 */
public class WorkOrder {

  /** The largest quantity of one work order. */
  public static final int MAX_QUANTITY = 1_000_000;

  private final long id;
  private final String line;
  private final Gtin gtin;
  private final LotNumber lot;
  private final ExpiryDate expiry;
  private final int quantity;
  private final List<Market> markets;
  private final String createdBy;
  private final OffsetDateTime createdAt;
  private WorkOrderStatus status;
  private Long poolId;
  private int serialsAllocated;
  private int lastSent;
  private String releasedBy;
  private OffsetDateTime releasedAt;
  private OffsetDateTime startedAt;
  private String closedBy;
  private OffsetDateTime closedAt;
  private String pausedBy;
  private OffsetDateTime lineStartedAt;

  /** Who paused a PAUSED order. */
  public static final String PAUSED_BY_OPERATOR = "OPERATOR";

  /** The adapter lost the line: the order resumes by itself when the line is back. */
  public static final String PAUSED_BY_DISCONNECT = "DISCONNECTED";

  /** Restores a stored work order; no rule is checked. */
  public WorkOrder(long id, String line, Gtin gtin, LotNumber lot, ExpiryDate expiry, int quantity,
      List<Market> markets, WorkOrderStatus status, Long poolId, int serialsAllocated, int lastSent,
      String createdBy, OffsetDateTime createdAt, String releasedBy, OffsetDateTime releasedAt,
      OffsetDateTime startedAt, String closedBy, OffsetDateTime closedAt) {
    this.id = id;
    this.line = Objects.requireNonNull(line);
    this.gtin = Objects.requireNonNull(gtin);
    this.lot = Objects.requireNonNull(lot);
    this.expiry = Objects.requireNonNull(expiry);
    this.quantity = quantity;
    this.markets = List.copyOf(markets);
    this.status = Objects.requireNonNull(status);
    this.poolId = poolId;
    this.serialsAllocated = serialsAllocated;
    this.lastSent = lastSent;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.releasedBy = releasedBy;
    this.releasedAt = releasedAt;
    this.startedAt = startedAt;
    this.closedBy = closedBy;
    this.closedAt = closedAt;
  }

  /**
   * A new work order, checked against every rule that does not need the serial pool: a known product
   * (master data), a quantity of 1 to 1,000,000, an expiry after today, and what each target market
   * requires of the product. Refusals name the request field and value.
   *
   * @param product the product's master data, or null when the GTIN is unknown
   * @param byQa true when a QA user creates it: it is then released at once, by its creator
   */
  public static WorkOrder create(long id, ProductionLine line, Gtin gtin, ProductFacts product, LotNumber lot,
      ExpiryDate expiry, int quantity, List<Market> markets, String by, boolean byQa, OffsetDateTime now) {
    if (product == null) {
      throw WorkOrderException.invalid("unknown-product", "gtin", gtin.value(),
          "GTIN " + gtin.value() + " has no product master data; a work order needs a known product");
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw WorkOrderException.invalid("invalid-quantity", "quantity", quantity,
          "field \"quantity\" must be 1 to " + MAX_QUANTITY + ", was " + quantity);
    }
    if (!expiry.toLocalDate().isAfter(now.toLocalDate())) {
      throw WorkOrderException.invalid("expiry-not-in-future", "expiry", expiry.value(),
          "field \"expiry\" must be a date after today, was " + expiry.value() + " (" + expiry.toLocalDate() + ")");
    }
    if (markets.isEmpty()) {
      throw WorkOrderException.invalid("markets-required", "markets", null, "at least one target market is required");
    }
    for (int i = 0; i < markets.size(); i++) {
      markets.get(i).checkProduct(product, i);
    }
    WorkOrder wo = new WorkOrder(id, line.id(), gtin, lot, expiry, quantity, markets, WorkOrderStatus.CREATED,
        null, 0, 0, by, now, null, null, null, null, null);
    if (byQa) {
      wo.release(by, now);
    }
    return wo;
  }

  /** QA's approval: CREATED → RELEASED. */
  public void release(String by, OffsetDateTime now) {
    require("release", WorkOrderStatus.CREATED);
    status = WorkOrderStatus.RELEASED;
    releasedBy = by;
    releasedAt = now;
  }

  /** The serial pool the order draws from, chosen when it is released. */
  public void assignPool(long pool) {
    if (poolId != null && poolId != pool) {
      throw new IllegalStateException("work order " + id + " already draws from pool " + poolId);
    }
    poolId = pool;
  }

  /** RELEASED → RUNNING. */
  public void start(OffsetDateTime now) {
    require("start", WorkOrderStatus.RELEASED);
    if (poolId == null) {
      throw new IllegalStateException("work order " + id + " was released without a serial pool");
    }
    status = WorkOrderStatus.RUNNING;
    startedAt = now;
  }

  /** RUNNING → PAUSED: no further labels are sent; units already printed are still judged. */
  public void pause() {
    require("pause", WorkOrderStatus.RUNNING);
    status = WorkOrderStatus.PAUSED;
    pausedBy = PAUSED_BY_OPERATOR;
  }

  /**
   * PAUSED or STOPPED_BY_EXCEPTION → RUNNING; a stopped order only once no exception that stopped it is
   * still open.
   *
   * @param openStoppingExceptions how many exceptions of this order that stop the line are still open
   */
  public void resume(int openStoppingExceptions) {
    require("resume", WorkOrderStatus.PAUSED, WorkOrderStatus.STOPPED_BY_EXCEPTION);
    if (status == WorkOrderStatus.STOPPED_BY_EXCEPTION && openStoppingExceptions > 0) {
      throw WorkOrderException.conflict("open-exceptions", "id", id, "work order " + id + " was stopped by "
          + openStoppingExceptions + " exception(s) still open; QA resolves them before the line resumes");
    }
    status = WorkOrderStatus.RUNNING;
    pausedBy = null;
  }

  /** RUNNING or PAUSED → STOPPED_BY_EXCEPTION; true when the order was on a running line. */
  public boolean stopByException() {
    if (status != WorkOrderStatus.RUNNING && status != WorkOrderStatus.PAUSED) {
      return false;
    }
    status = WorkOrderStatus.STOPPED_BY_EXCEPTION;
    pausedBy = null;
    return true;
  }

  /**
   * Closes the order: a running order is paused first. The caller has settled every unit (in-flight units
   * destroyed, unprinted serials returned unused); the reconciliation must balance, or the order stays open.
   */
  public void close(String by, OffsetDateTime now, Reconciliation reconciliation) {
    if (status == WorkOrderStatus.CLOSED) {
      throw WorkOrderException.conflict("invalid-transition", "status", status,
          "work order " + id + " is already CLOSED");
    }
    if (status == WorkOrderStatus.RUNNING) {
      pause();
    }
    if (reconciliation.allocated() != serialsAllocated || !reconciliation.balanced()) {
      throw new IllegalStateException("work order " + id + " does not reconcile: " + reconciliation
          + ", serials allocated " + serialsAllocated);
    }
    status = WorkOrderStatus.CLOSED;
    pausedBy = null;
    closedBy = by;
    closedAt = now;
  }

  /**
   * How many labels to send now: none unless RUNNING; otherwise enough to fill the window of units between
   * printer and camera, but never more than the good units still missing.
   *
   * @param inFlight units printed and not yet judged
   * @param good units judged good so far
   */
  public int labelsToSend(int inFlight, int good, int windowSize) {
    if (status != WorkOrderStatus.RUNNING) {
      return 0;
    }
    int missing = quantity - good - inFlight;
    return Math.max(0, Math.min(missing, windowSize - inFlight));
  }

  /**
   * How many serials to draw from the pool before {@code labels} more labels can be sent: zero while
   * drawn serials remain; up to the quantity in blocks of {@code block}; beyond it (replacing rejects) in
   * chunks of a hundredth of the quantity.
   */
  public int serialsToDraw(int labels, int block) {
    int missing = lastSent + labels - serialsAllocated;
    if (missing <= 0) {
      return 0;
    }
    int upToQuantity = quantity - serialsAllocated;
    int chunk = upToQuantity > 0 ? Math.min(block, upToQuantity) : Math.min(block, Math.max(1, quantity / 100));
    return Math.max(missing, chunk);
  }

  /** Records serials drawn from the pool: they become units {@code serialsAllocated + 1 …}. */
  public void recordAllocation(int count) {
    serialsAllocated += count;
  }

  /** Records that labels up to {@code lastSent + count} were sent. */
  public void recordSent(int count) {
    if (lastSent + count > serialsAllocated) {
      throw new IllegalStateException("work order " + id + " cannot send labels beyond its serials");
    }
    lastSent += count;
  }

  private void require(String action, WorkOrderStatus... allowed) {
    for (WorkOrderStatus s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw WorkOrderException.conflict("invalid-transition", "status", status,
        "work order " + id + " is " + status + "; " + action + " needs it " + List.of(allowed));
  }

  public long id() {
    return id;
  }

  public String line() {
    return line;
  }

  public Gtin gtin() {
    return gtin;
  }

  public LotNumber lot() {
    return lot;
  }

  public ExpiryDate expiry() {
    return expiry;
  }

  public int quantity() {
    return quantity;
  }

  public List<Market> markets() {
    return markets;
  }

  public WorkOrderStatus status() {
    return status;
  }

  public Long poolId() {
    return poolId;
  }

  public int serialsAllocated() {
    return serialsAllocated;
  }

  public int lastSent() {
    return lastSent;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String releasedBy() {
    return releasedBy;
  }

  public OffsetDateTime releasedAt() {
    return releasedAt;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public String closedBy() {
    return closedBy;
  }

  /** Who paused the order ({@link #PAUSED_BY_OPERATOR}, {@link #PAUSED_BY_DISCONNECT}), null unless PAUSED. */
  public String pausedBy() {
    return pausedBy;
  }

  /** When the application last told the line to start for this order (start, resume). */
  public OffsetDateTime lineStartedAt() {
    return lineStartedAt;
  }

  /** Records that the line was told to start now; returns this (also restores a stored order). */
  public WorkOrder lineStartedAt(OffsetDateTime at) {
    this.lineStartedAt = at;
    return this;
  }

  /**
   * Whether a state the line reported at {@code reportedAt} is older than the application's last start
   * command: a stale report still being delivered, which must not pause the order.
   */
  public boolean reportPredatesLineStart(java.time.Instant reportedAt) {
    return lineStartedAt != null && reportedAt != null
        && reportedAt.isBefore(lineStartedAt.toInstant().plus(START_GRACE));
  }

  /**
   * How long after the start command is recorded (before its commit) a STOPPED seen on the line is taken for
   * the state before the command reached it: the command goes to the line once the transaction commits.
   */
  public static final java.time.Duration START_GRACE = java.time.Duration.ofSeconds(2);

  /** Restores who paused a stored order; returns this. */
  public WorkOrder pausedBy(String by) {
    this.pausedBy = by;
    return this;
  }

  /**
   * The line is gone (the adapter lost it): a running order pauses until the line is back. Returns whether
   * the order was running.
   */
  public boolean pauseForDisconnect() {
    if (status != WorkOrderStatus.RUNNING) {
      return false;
    }
    status = WorkOrderStatus.PAUSED;
    pausedBy = PAUSED_BY_DISCONNECT;
    return true;
  }

  /** The line is back: an order the disconnect paused runs again. Returns whether it did. */
  public boolean resumeAfterReconnect() {
    if (status != WorkOrderStatus.PAUSED || !PAUSED_BY_DISCONNECT.equals(pausedBy)) {
      return false;
    }
    status = WorkOrderStatus.RUNNING;
    pausedBy = null;
    return true;
  }

  public OffsetDateTime closedAt() {
    return closedAt;
  }
}
