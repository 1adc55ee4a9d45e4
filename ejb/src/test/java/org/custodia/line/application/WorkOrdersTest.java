package org.custodia.line.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.line.domain.ExceptionRecord;
import org.custodia.line.domain.ExceptionType;
import org.custodia.line.domain.LineState;
import org.custodia.line.domain.Market;
import org.custodia.line.domain.ProductFacts;
import org.custodia.line.domain.ProductionLine;
import org.custodia.line.domain.RejectReason;
import org.custodia.line.domain.UnitRef;
import org.custodia.line.domain.UnitStatus;
import org.custodia.line.domain.WorkOrder;
import org.custodia.line.domain.WorkOrderException;
import org.custodia.line.infrastructure.persistence.JdbcLineStore;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.MovingClock;
import org.custodia.platform.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work order use cases and the print-and-verify loop on the migrated H2 database (the real schema and
 * SQL, migrated once for the class and emptied before each test), with an in-memory line and serial supply.
 */
@Tag("LINE-2")
class WorkOrdersTest {

  static final Gtin GTIN = Gtin.of("09506000134352");
  static final Gtin UNKNOWN = Gtin.of("09506000134369");

  @TempDir static Path dir;
  static DataSource database;
  static Connection keepOpen;
  JdbcLineStore store;
  InMemoryLine line;
  FakeSerials serials;
  MovingClock clock;
  List<String> audit;
  WorkOrders service;


  @BeforeAll
  static void migrate() throws Exception {
    database = TestDatabases.migrated(dir);
    // H2 closes a file database with its last connection; one kept open spares reopening it per statement
    keepOpen = database.getConnection();
  }

  @AfterAll
  static void release() throws Exception {
    keepOpen.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    TestDatabases.empty(database, "line_exception", "work_order_unit", "work_order", "line_inbound", "production_line");
    store = new JdbcLineStore(database);
    store.save(new ProductionLine("line-1", "Line 1", 4, Duration.ofSeconds(5), true));
    store.save(new ProductionLine("line-2", "Line 2", 4, Duration.ofSeconds(5), false));
    line = new InMemoryLine();
    serials = new FakeSerials();
    clock = new MovingClock(Instant.parse("2026-11-27T08:00:00Z"));
    audit = new ArrayList<>();
    service = newService();
  }

  /** A service on the same database: what a restarted server has. */
  WorkOrders newService() {
    Products products = gtin -> gtin.equals(GTIN) ? Optional.of(new ProductFacts(GTIN, "99999-134-52")) : Optional.empty();
    return new WorkOrders(store, store, line, serials, products, Runnable::run,
        (action, type, id, detail) -> audit.add(action + " " + id + " " + detail), clock, 10, toldActivity, null,
        e -> alerted.add(e.type() + " " + e.line() + " " + e.sequence()));
  }

  /** What the alert topic is given (EXC-3). */
  final List<String> alerted = new ArrayList<>();

  /** What the dashboard is told. */
  final List<String> told = new ArrayList<>();

  final LineActivity toldActivity = new LineActivity() {
    @Override
    public void read(Read read) {
      told.add("read " + read.line() + " " + read.sequence() + " " + read.outcome());
    }

    @Override
    public void workOrderChanged(String l, long workOrderId) {
      told.add("order " + workOrderId);
    }

    @Override
    public void exceptionChanged(String l, long exceptionId) {
      told.add("exception " + exceptionId);
    }

    @Override
    public void lineState(String l, String state, Instant at) {
      told.add("state " + l + " " + state);
    }
  };

  long create(String lineId, int quantity, boolean byQa) {
    return service.create(new NewWorkOrder(lineId, GTIN, LotNumber.of("L1"), ExpiryDate.of("281231"), quantity,
        List.of(Market.US, Market.EU)), byQa ? "qa" : "supply", byQa).id();
  }

  void read(int sequence, String grade) {
    service.onCameraRead("line-1", sequence, line.label(sequence).label().elementString(), grade, clock.instant());
  }

  static String code(String serial) {
    return "(01)09506000134352(17)281231(10)L1(21)" + serial;
  }

  String serialOf(long id, int sequence) {
    return store.unit(id, sequence).orElseThrow().serial();
  }

  @Test
  void createdByQaIsReleasedWithItsPoolAndAudited() {
    // when
    WorkOrderView wo = service.view(create("line-1", 50, true));

    // then
    assertEquals("RELEASED", wo.status());
    assertEquals(42L, wo.poolId());
    assertEquals(List.of("US", "EU"), wo.markets());
    assertEquals(1, serials.pools);
    assertTrue(audit.get(0).startsWith("work-order.create " + wo.id()), audit.toString());
  }

  @Test
  void createdBySupplyChainWaitsForQaRelease() {
    // given
    long id = create("line-1", 50, false);
    assertEquals("CREATED", service.view(id).status());
    assertEquals(0, serials.pools);

    // when / then
    assertEquals("invalid-transition", assertThrows(WorkOrderException.class, () -> service.start(id)).code());
    WorkOrderView released = service.release(id, "qa");
    assertEquals("RELEASED", released.status());
    assertEquals("qa", released.releasedBy());
    assertEquals("RUNNING", service.start(id).status());
  }

  @Test
  void refusesAnUnknownLineOrProductNamingTheField() {
    WorkOrderException l = assertThrows(WorkOrderException.class, () -> create("line-9", 5, true));
    assertEquals(Kind.INVALID, l.kind());
    assertEquals("line", l.field());
    assertEquals("line-9", l.value());
    WorkOrderException p = assertThrows(WorkOrderException.class, () -> service.create(new NewWorkOrder("line-1",
        UNKNOWN, LotNumber.of("L1"), ExpiryDate.of("281231"), 5, List.of(Market.EU)), "qa", true));
    assertEquals("gtin", p.field());
    assertEquals(UNKNOWN.value(), p.value());
    assertEquals("id", assertThrows(WorkOrderException.class, () -> service.view(999)).field());
  }

  @Test
  @Tag("LINE-4")
  void startSendsTheLinesWindowOfLabelsAfterDrawingABlockOfSerials() {
    // given
    long id = create("line-1", 25, true);

    // when
    WorkOrderView wo = service.start(id);

    // then four labels (the window) went out, from one block of ten serials
    assertEquals("RUNNING", wo.status());
    assertEquals(List.of(10), serials.draws);
    assertEquals(4, line.labels.size());
    assertEquals(4, wo.printed());
    assertEquals(4, wo.inFlight());
    assertEquals(10, wo.serialsAllocated());
    InMemoryLine.Label first = line.label(1);
    assertEquals(id, first.workOrderId());
    assertEquals("line-1", first.line());
    assertEquals(code(serialOf(id, 1)), first.label().elementString());
    assertEquals(Market.US, first.label().market());
    assertEquals("NDC 99999-134-52", first.label().humanReadable().get(0));
  }

  @Test
  @Tag("LINE-3")
  void goodReadsAreCommissionedAndRefillTheWindowUntilTheQuantityIsGood() {
    // given
    long id = create("line-1", 25, true);
    service.start(id);

    // when every label is read good, in order
    for (int seq = 1; seq <= line.labels.size(); seq++) {
      read(seq, "A");
    }

    // then exactly 25 units were printed, all good and commissioned once, drawn in blocks
    WorkOrderView wo = service.view(id);
    assertEquals(25, line.labels.size());
    assertEquals(25, wo.good());
    assertEquals(25, wo.printed());
    assertEquals(0, wo.inFlight());
    assertEquals(25, serials.commissioned.size());
    assertEquals(25, serials.commissioned.stream().distinct().count());
    assertEquals(List.of(10, 10, 5), serials.draws);

    // when closed
    WorkOrderView closed = service.close(id, "operator");

    // then
    assertEquals("CLOSED", closed.status());
    assertTrue(closed.reconciled());
    assertEquals(closed.printed(), closed.good() + closed.rejected() + closed.sampled() + closed.destroyed());
    assertEquals(0, closed.unused());
    assertTrue(serials.unused.isEmpty());
  }

  @Test
  @Tag("LINE-3")
  @Tag("EXC-1")
  @Tag("EXC-3")
  void defectsAreRejectedWithReasonsAndDuplicateAndForeignCodesRaiseExceptions() {
    // given
    long id = create("line-1", 10, true);
    service.start(id);

    // when
    read(1, "B");
    read(2, "D");
    service.onCameraRead("line-1", 3, null, null, clock.instant());
    String serial5 = serialOf(id, 5);
    service.onCameraRead("line-1", 4, code(serial5), "A", clock.instant());
    service.onCameraRead("line-1", 5, code(serial5), "A", clock.instant());
    service.onCameraRead("line-1", 6, "(01)09506000134352(17)281231(10)OTHER(21)" + serialOf(id, 6), "A",
        clock.instant());

    // then
    assertEquals(List.of(RejectReason.LOW_GRADE, RejectReason.UNREADABLE, RejectReason.WRONG_CODE,
        RejectReason.DUPLICATE, RejectReason.FOREIGN_CODE), line.rejects.stream().map(InMemoryLine.Reject::reason).toList());
    assertEquals(List.of(new UnitRef(id, 2), new UnitRef(id, 3), new UnitRef(id, 4), new UnitRef(id, 5),
        new UnitRef(id, 6)), line.rejects.stream().map(InMemoryLine.Reject::unit).toList());
    assertEquals("LOW_GRADE", store.unit(id, 2).orElseThrow().reason());
    assertEquals("D", store.unit(id, 2).orElseThrow().grade());
    List<ExceptionView> raised = service.exceptions(ExceptionRecord.Status.OPEN, id, 10);
    assertEquals(List.of("FOREIGN_CODE", "DUPLICATE_CODE"), raised.stream().map(ExceptionView::type).toList());
    assertEquals(5, raised.get(1).sequence());
    assertEquals("line-1", raised.get(1).line());
    assertEquals(List.of("DUPLICATE_CODE line-1 5", "FOREIGN_CODE line-1 6"), alerted, "each raised one alerted");
    assertEquals(List.of(serialOf(id, 1)), serials.commissioned);
    WorkOrderView wo = service.view(id);
    assertEquals(1, wo.good());
    assertEquals(5, wo.rejected());
    assertEquals(10, wo.printed());
    assertEquals(4, wo.inFlight());
  }

  @Test
  void closeReconcilesDefectsDestroysUnverifiedUnitsAndReturnsUnprintedSerials() {
    // given a run with one good, one rejected (confirmed), one sample and one destroyed unit
    long id = create("line-1", 25, true);
    service.start(id);
    read(1, "A");
    read(2, "F");
    service.onRejectConfirmed("line-1", new UnitRef(id, 2));
    service.sample(id, 3);
    service.destroy(id, 4, "dropped");
    assertEquals(8, line.labels.size());

    // when closed while running, units 5..8 still on the way
    WorkOrderView wo = service.close(id, "qa");

    // then
    assertEquals("CLOSED", wo.status());
    assertEquals("qa", wo.closedBy());
    assertEquals(8, wo.printed());
    assertEquals(1, wo.good());
    assertEquals(1, wo.rejected());
    assertEquals(1, wo.sampled());
    assertEquals(5, wo.destroyed());
    assertEquals(2, wo.unused());
    assertEquals(wo.printed(), wo.good() + wo.rejected() + wo.sampled() + wo.destroyed());
    assertEquals(wo.serialsAllocated(), wo.printed() + wo.unused());
    assertTrue(wo.reconciled());
    assertEquals("NOT_VERIFIED_AT_CLOSE", store.unit(id, 5).orElseThrow().reason());
    assertEquals("dropped", store.unit(id, 4).orElseThrow().reason());
    assertEquals(java.util.Set.of(serialOf(id, 9), serialOf(id, 10)), serials.unused);
    assertEquals(List.of("WO-" + id + " closed: never printed"), serials.unusedReasons);
    assertEquals(0, service.exceptions(ExceptionRecord.Status.OPEN, id, 10).size());

    // and a closed order takes no read: the pack is rejected and an exception raised
    service.onCameraRead("line-1", 5, code(serialOf(id, 5)), "A", clock.instant());
    assertEquals(RejectReason.NOT_EXPECTED, line.rejects.get(line.rejects.size() - 1).reason());
    assertEquals(1, serials.commissioned.size());
    assertEquals("invalid-transition", assertThrows(WorkOrderException.class, () -> service.close(id, "qa")).code());
  }

  @Test
  @Tag("LINE-3")
  @Tag("EXC-1")
  void aRejectNotConfirmedInTimeStopsTheLineUntilQaResolvesIt() {
    // given a reject
    long id = create("line-1", 10, true);
    service.start(id);
    read(1, "F");

    // when the timeout has not passed yet / then nothing happens
    clock.advance(Duration.ofSeconds(4));
    assertEquals(0, service.checkRejectTimeouts());
    assertTrue(line.stops.isEmpty());

    // when it has passed
    clock.advance(Duration.ofSeconds(2));
    assertEquals(1, service.checkRejectTimeouts());

    // then the line is stopped, once, and an exception is open
    assertEquals(List.of("line-1"), line.stops);
    assertEquals("STOPPED_BY_EXCEPTION", service.view(id).status());
    assertEquals(0, service.checkRejectTimeouts());
    List<ExceptionView> open = service.exceptions(ExceptionRecord.Status.OPEN, id, 10);
    assertEquals(1, open.size());
    assertEquals("REJECT_NOT_CONFIRMED", open.get(0).type());
    assertEquals(1, open.get(0).sequence());
    int sent = line.labels.size();

    // when the operator tries to resume / then refused
    assertEquals("open-exceptions", assertThrows(WorkOrderException.class, () -> service.resume(id)).code());

    // when QA resolves it, the reject counts as confirmed, and the line resumes
    ExceptionView resolved = service.resolve(open.get(0).id(), "qa", "pack found in the reject bin");
    assertEquals("RESOLVED", resolved.status());
    assertEquals("qa", resolved.resolvedBy());
    assertNotNull(store.unit(id, 1).orElseThrow().rejectConfirmedAt());
    assertEquals("RUNNING", service.resume(id).status());
    read(2, "A");
    assertEquals(sent + 1, line.labels.size());
    assertEquals("exception-resolved",
        assertThrows(WorkOrderException.class, () -> service.resolve(open.get(0).id(), "qa", "again")).code());
  }

  @Test
  @Tag("LINE-3")
  void aConfirmedRejectDoesNotStopTheLine() {
    long id = create("line-1", 10, true);
    service.start(id);
    read(1, "F");
    service.onRejectConfirmed("line-1", new UnitRef(id, 1));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(0, service.checkRejectTimeouts());
    assertTrue(line.stops.isEmpty());
    assertEquals("RUNNING", service.view(id).status());
  }

  @Test
  @Tag("LINE-3")
  void onALineConfiguredNotToStopAMissingConfirmationOnlyRaisesAnException() {
    long id = create("line-2", 10, true);
    service.start(id);
    service.onCameraRead("line-2", 1, null, null, clock.instant());
    clock.advance(Duration.ofSeconds(6));
    assertEquals(1, service.checkRejectTimeouts());
    assertTrue(line.stops.isEmpty());
    assertEquals("RUNNING", service.view(id).status());
    assertEquals("REJECT_NOT_CONFIRMED", service.exceptions(ExceptionRecord.Status.OPEN, id, 10).get(0).type());
  }

  @Test
  void oneOrderRunsOnALineAtATime() {
    // given
    long first = create("line-1", 10, true);
    long second = create("line-1", 10, true);
    service.start(first);

    // when / then
    WorkOrderException e = assertThrows(WorkOrderException.class, () -> service.start(second));
    assertEquals("line-busy", e.code());
    assertEquals("line", e.field());
    assertEquals("line-1", e.value());
    service.close(first, "operator");
    assertEquals("RUNNING", service.start(second).status());
  }

  @Test
  void readsWhilePausedAreStillJudgedButNoLabelIsSent() {
    long id = create("line-1", 10, true);
    service.start(id);
    service.pause(id);
    read(1, "A");
    assertEquals(4, line.labels.size());
    assertEquals(1, service.view(id).good());
    service.resume(id);
    assertEquals(5, line.labels.size());
  }

  @Test
  @Tag("EXC-1")
  void aReadTheOrderDidNotExpectIsRejectedAndRaised() {
    // with no order on the line
    service.onCameraRead("line-1", 1, code("000000000001"), "A", clock.instant());
    assertEquals(RejectReason.NOT_EXPECTED, line.rejects.get(0).reason());
    ExceptionView e = service.exceptions(ExceptionRecord.Status.OPEN, null, 10).get(0);
    assertEquals("UNEXPECTED_READ", e.type());
    assertNull(e.workOrderId());

    // for a sequence no label was sent for
    long id = create("line-1", 10, true);
    service.start(id);
    service.onCameraRead("line-1", 9, code(serialOf(id, 9)), "A", clock.instant());
    assertEquals(new UnitRef(id, 9), line.rejects.get(1).unit());
    assertEquals("ALLOCATED", store.unit(id, 9).orElseThrow().status().name());
    assertTrue(serials.commissioned.isEmpty());
  }

  @Test
  @Tag("EXC-1")
  void aLineFaultStopsTheOrderAndAStopPausesIt() {
    long id = create("line-1", 10, true);
    service.start(id);
    clock.advance(WorkOrder.START_GRACE.plusSeconds(1));
    service.onLineState("line-1", LineState.STOPPED);
    assertEquals("PAUSED", service.view(id).status());
    service.resume(id);
    clock.advance(WorkOrder.START_GRACE.plusSeconds(1));
    service.onLineState("line-1", LineState.FAULT);
    assertEquals("STOPPED_BY_EXCEPTION", service.view(id).status());
    assertEquals(ExceptionType.LINE_FAULT.name(), service.exceptions(null, id, 10).get(0).type());
  }

  @Test
  @Tag("LINE-4")
  void aRestartedServerContinuesTheRunFromTheDatabaseAndReconcilesExactly() {
    // given a run interrupted after three reads (the server's memory is lost; the database is not)
    long id = create("line-1", 12, true);
    service.start(id);
    read(1, "A");
    read(2, "A");
    read(3, "F");
    service = newService();

    // when the reads continue on the new service
    service.onRejectConfirmed("line-1", new UnitRef(id, 3));
    for (int seq = 4; seq <= line.labels.size(); seq++) {
      read(seq, "A");
    }
    WorkOrderView wo = service.close(id, "qa");

    // then nothing was lost or commissioned twice
    assertEquals(12, wo.good());
    assertEquals(1, wo.rejected());
    assertEquals(13, wo.printed());
    assertEquals(wo.printed(), wo.good() + wo.rejected() + wo.sampled() + wo.destroyed());
    assertEquals(wo.serialsAllocated(), wo.printed() + wo.unused());
    assertEquals(12, serials.commissioned.stream().distinct().count());
    assertEquals(UnitStatus.UNUSED, store.unit(id, 14).map(u -> u.status()).orElse(UnitStatus.UNUSED));
  }

  // ---- messages as the line adapter delivers them ----

  /** The camera read of unit {@code sequence} of order {@code id} as line message {@code lineSequence}. */
  void lineRead(long lineSequence, long id, int sequence, String grade) {
    service.onCameraRead("line-1", lineSequence, new UnitRef(id, sequence).toString(),
        line.label(sequence).label().elementString(), grade, clock.instant());
  }

  @Test
  @Tag("LINE-1")
  @Tag("LINE-4")
  void aLineMessageDeliveredAgainIsRecognisedAndNotProcessedTwice() {
    // given an order running on line-1, the line at message 1000
    long id = create("line-1", 10, true);
    service.start(id);
    assertEquals(-1, store.processedUpTo("line-1"));

    // when the read of unit 1 arrives, then again (a crash before the adapter knew), then unit 2's
    lineRead(1000, id, 1, "A");
    lineRead(1000, id, 1, "A");
    lineRead(1001, id, 2, "A");

    // then each unit was commissioned once and the line's position is recorded for the adapter
    assertEquals(2, service.view(id).good());
    assertEquals(2, serials.commissioned.size());
    assertEquals(1001, store.processedUpTo("line-1"));
    assertEquals(List.of("line-1"), line.starts);
    assertTrue(told.contains("read line-1 1 GOOD"), told.toString());
    assertTrue(told.contains("read line-1 2 GOOD"), told.toString());
  }

  @Test
  @Tag("LINE-3")
  @Tag("EXC-1")
  void aPackTheOrderDidNotLabelIsRejectedByTheLinesOwnReference() {
    long id = create("line-1", 10, true);
    service.start(id);
    service.onCameraRead("line-1", 7, "line-1-U0000042", code("000000000001"), "A", clock.instant());
    service.onCameraRead("line-1", 8, new UnitRef(id + 1, 1).toString(), code("000000000002"), "A", clock.instant());

    assertEquals(List.of("line-1-U0000042 NOT_EXPECTED", "WO-" + (id + 1) + "#1 NOT_EXPECTED"), line.packRejects);
    assertEquals(0, service.view(id).good());
    List<ExceptionView> raised = service.exceptions(null, id, 10);
    assertEquals(2, raised.size());
    assertTrue(raised.stream().allMatch(e -> e.type().equals(ExceptionType.UNEXPECTED_READ.name())));
    assertTrue(raised.get(1).detail().contains("line-1-U0000042"), raised.get(1).detail());
  }

  @Test
  @Tag("LINE-4")
  void aLostLinePausesTheOrderAndItsReturnResumesIt() {
    long id = create("line-1", 10, true);
    service.start(id);
    int sent = line.labels.size();

    // the adapter loses the line: the order pauses and sends nothing more
    service.onLineState("line-1", LineState.DISCONNECTED, clock.instant(), true);
    assertEquals("PAUSED", service.view(id).status());
    lineRead(500, id, 1, "A");
    assertEquals(sent, line.labels.size());

    // the line is back: the order runs again by itself and refills its window
    service.onLineState("line-1", LineState.RUNNING, clock.instant(), true);
    assertEquals("RUNNING", service.view(id).status());
    assertEquals(sent + 1, line.labels.size());
    assertTrue(told.contains("state line-1 DISCONNECTED") && told.contains("state line-1 RUNNING"), told.toString());

    // an order the operator paused waits for the operator, whatever the line reports
    service.pause(id);
    service.onLineState("line-1", LineState.RUNNING);
    assertEquals("PAUSED", service.view(id).status());
  }

  @Test
  @Tag("LINE-3")
  @Tag("LINE-4")
  void unitsTheCameraNeverReadAreDestroyedNotCommissionedAndTheRunGoesOn() {
    // given a window of 4 labels sent (units 1-4)
    long id = create("line-1", 6, true);
    service.start(id);

    // when the camera's first read is of unit 3 (the labels of 1 and 2 never printed)
    lineRead(10, id, 3, "A");

    // then units 1 and 2 are destroyed, raised, never commissioned
    assertEquals(UnitStatus.DESTROYED, store.unit(id, 1).orElseThrow().status());
    assertEquals("NOT_READ_BY_CAMERA", store.unit(id, 2).orElseThrow().reason());
    assertEquals(List.of(serialOf(id, 3)), serials.commissioned);
    assertEquals(ExceptionType.MISSED_READ.name(), service.exceptions(null, id, 10).get(0).type());

    // when unit 4's read never comes either: the watchdog gives it up after the configured time only
    assertEquals(0, service.checkMissedReads(Duration.ofSeconds(30)));
    clock.advance(Duration.ofSeconds(31));
    int before = line.labels.size();
    assertTrue(service.checkMissedReads(Duration.ofSeconds(30)) >= 1);
    assertEquals(UnitStatus.DESTROYED, store.unit(id, 4).orElseThrow().status());
    assertTrue(line.labels.size() > before, "the window refills");

    // then the run completes and reconciles exactly
    for (int seq = 5; seq <= line.labels.size(); seq++) {
      if (store.unit(id, seq).orElseThrow().status() == UnitStatus.PRINTED) {
        lineRead(100 + seq, id, seq, "A");
      }
    }
    WorkOrderView wo = service.close(id, "qa");
    assertEquals(6, wo.good());
    assertEquals(wo.printed(), wo.good() + wo.rejected() + wo.sampled() + wo.destroyed());
    assertEquals(wo.serialsAllocated(), wo.printed() + wo.unused());
    assertEquals(6, serials.commissioned.stream().distinct().count());
  }

  @Test
  @Tag("LINE-4")
  void aStateTheLineReportedBeforeItWasToldToStartDoesNotPauseTheOrder() {
    long id = create("line-1", 10, true);
    Instant beforeStart = clock.instant();
    clock.advance(Duration.ofSeconds(3));
    service.start(id);

    // the STOPPED the adapter read when it connected, delivered after the start
    service.onLineState("line-1", LineState.STOPPED, beforeStart, false);
    assertEquals("RUNNING", service.view(id).status());
    // nor one read within the grace period after the start (the start command goes out after the commit)
    service.onLineState("line-1", LineState.STOPPED, clock.instant().plusSeconds(1), true);
    assertEquals("RUNNING", service.view(id).status());

    // a stop the line makes after it was started pauses the order
    clock.advance(Duration.ofSeconds(3));
    service.onLineState("line-1", LineState.STOPPED, clock.instant(), false);
    assertEquals("PAUSED", service.view(id).status());
  }

  /** The aggregation feature as the loop sees it: records what it is asked, refuses parents starting "00X". */
  static final class FakeAggregation implements LineAggregation {
    final List<String> packed = new ArrayList<>();
    /** How many units serialization had commissioned when each scan came. */
    final List<Integer> commissionedAtScan = new ArrayList<>();
    FakeSerials serials;
    int next = 1;

    @Override
    public List<String> allocateSsccs(long workOrderId, Level level, int count) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        out.add(org.custodia.gs1.Sscc.fromDigitsWithoutCheckDigit(String.format("0950600%010d", next++)).value());
      }
      return out;
    }

    @Override
    public Packed packed(String line, long workOrderId, Level level, String parentCode, List<String> childCodes,
        int configuredCount, boolean partial, Instant at) {
      packed.add(workOrderId + " " + level + " " + childCodes.size() + "/" + configuredCount + (partial ? " partial" : ""));
      if (serials != null) {
        commissionedAtScan.add(serials.commissioned.size());
      }
      return parentCode.startsWith("00X") ? new Packed(false, null, 0, "parent-not-allocated: " + parentCode)
          : new Packed(true, parentCode.substring(2), childCodes.size(), null);
    }

    @Override
    public int count(long workOrderId, Level level) {
      return (int) packed.stream().filter(p -> p.startsWith(workOrderId + " " + level)).count();
    }
  }

  @Test
  @Tag("AGG-1")
  @Tag("AGG-3")
  void casesAndPalletsTheStationsCloseGoToAggregationWithSsccLabelsSentAhead() {
    // given the loop with an aggregation feature, lines closing cases of 10 and pallets of 4 cases
    FakeAggregation agg = new FakeAggregation();
    Products products = gtin -> Optional.of(new ProductFacts(GTIN, "99999-134-52"));
    service = new WorkOrders(store, store, line, serials, products, Runnable::run, (a, t, i, d) -> { }, clock, 10,
        toldActivity, agg);
    long id = create("line-1", 30, true);

    // when the order starts: SSCC labels go to the case packer (2) and the pallet station (1)
    service.start(id);
    assertEquals(3, line.stationLabels.size());
    assertTrue(line.stationLabels.get(0).startsWith("CASE (00)"), line.stationLabels.toString());
    assertTrue(line.stationLabels.get(2).startsWith("PALLET (00)"), line.stationLabels.toString());

    // and a full case is scanned: recorded against the order with the line's count, and the next label sent
    service.onAggregationScan("line-1", 50, LineAggregation.Level.CASE, "00095060000000000011",
        java.util.Collections.nCopies(10, "unit"), clock.instant());
    assertEquals(List.of(id + " CASE 10/10"), agg.packed);
    assertEquals(4, line.stationLabels.size());
    assertEquals(1, service.view(id).cases());

    // a case the rules refuse raises an exception
    service.onAggregationScan("line-1", 51, LineAggregation.Level.CASE, "00X", List.of("unit"), clock.instant());
    assertEquals(ExceptionType.AGGREGATION_REFUSED.name(), service.exceptions(null, id, 10).get(0).type());
    assertEquals(5, line.stationLabels.size(), "the station used a label for the refused case too");
    // a scan delivered again is not recorded twice
    service.onAggregationScan("line-1", 50, LineAggregation.Level.CASE, "00095060000000000011",
        java.util.Collections.nCopies(10, "unit"), clock.instant());
    assertEquals(2, agg.packed.size());

    // when the order closes, the line ends its run; the partial case and pallet it reports go to that order
    service.close(id, "qa");
    assertEquals(List.of("line-1"), line.endRuns);
    service.onAggregationScan("line-1", 52, LineAggregation.Level.CASE, "00095060000000000028", List.of("u1", "u2"),
        clock.instant());
    service.onAggregationScan("line-1", 53, LineAggregation.Level.PALLET, "00095060000000000035", List.of("c1", "c2"),
        clock.instant());
    assertEquals(List.of(id + " CASE 10/10", id + " CASE 1/10", id + " CASE 2/10 partial", id + " PALLET 2/4 partial"),
        agg.packed);
    assertEquals(5, line.stationLabels.size(), "no label is sent for a closed order");
  }

  @Test
  @Tag("AGG-1")
  @Tag("LINE-3")
  void unitsHeldForCommissioningAreCommissionedBeforeACaseScanInTheSameTransactionIsJudged() {
    // given a serial supply that holds a transaction's good units until asked (as the server's does)
    FakeAggregation agg = new FakeAggregation();
    agg.serials = serials;
    serials.defer = true;
    Products products = gtin -> Optional.of(new ProductFacts(GTIN, "99999-134-52"));
    service = new WorkOrders(store, store, line, serials, products, Runnable::run, (a, t, i, d) -> { }, clock, 10,
        toldActivity, agg);
    long id = create("line-1", 30, true);
    service.start(id);

    // when two good reads and then the case holding them arrive in one delivery
    lineRead(1, id, 1, "A");
    lineRead(2, id, 2, "A");
    assertEquals(List.of(), serials.commissioned, "held until the delivery asks");
    service.onAggregationScan("line-1", 3, LineAggregation.Level.CASE, "00095060000000000011",
        List.of(code(serialOf(id, 1)), code(serialOf(id, 2))), clock.instant());

    // then the units were commissioned before aggregation judged the case (it accepts commissioned units only)
    assertEquals(List.of(2), agg.commissionedAtScan);
    assertEquals(List.of(serialOf(id, 1), serialOf(id, 2)), serials.commissioned);

    // and a read after it is held again until the delivery ends
    lineRead(4, id, 3, "A");
    assertEquals(1, serials.held.size());
    service.commissionPending();
    assertEquals(3, serials.commissioned.size());
    assertEquals(3, service.view(id).good());
  }
}
