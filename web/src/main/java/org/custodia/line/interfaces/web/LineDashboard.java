package org.custodia.line.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.audit.application.AuditTrail;
import org.custodia.gs1.Gtin;
import org.custodia.line.application.ExceptionView;
import org.custodia.line.application.LineActivity.Read;
import org.custodia.line.application.WorkOrderService;
import org.custodia.line.application.WorkOrderView;
import org.custodia.line.domain.ProductionLine;
import org.custodia.line.domain.WorkOrderStatus;
import org.custodia.line.infrastructure.monitor.LineBoard;
import org.custodia.line.infrastructure.monitor.LineMonitor;
import org.custodia.line.infrastructure.monitor.LineSnapshot;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.DomainException;
import org.custodia.security.Roles;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code dashboard.xhtml?line=…} (UI-1, UI-3): one packaging line's state and speed, the order on it
 * with its counts, the orders waiting for it, the last codes read and rejects, alarms and open exceptions,
 * and the work order commands the user's roles allow. The page reloads its panels by ajax when {@link
 * LinePush} says the line changed; the orders and exceptions come from the database on every reload, the
 * reads and line state from the {@link LineMonitor}.
 *
 * <p>As on the other screens the role checks here only decide what is offered; the service checks again
 * and its refusals are shown with its own sentence and audited.
 */
@Named
@ViewScoped
public class LineDashboard implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(LineDashboard.class.getName());

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Resolutions offered for a line exception, to pick rather than type. */
  private static final List<String> RESOLUTIONS = List.of(
      "Pack removed from the line and destroyed",
      "Reject confirmed at the reject station",
      "Fault cleared, line checked",
      "Read was a test pack, no unit affected");

  /** How many reads were rejected for one reason. */
  public record ReasonCount(String reason, int count) implements Serializable {}

  @Inject LineBoard board;
  @Inject LineMonitor monitor;
  @Inject WorkOrderService service;
  @Inject MasterDataService masterData;
  @Inject AuditTrail audit;
  @Inject BarcodeImages images;

  private String line;
  private boolean known;
  private List<ProductionLine> lines = List.of();
  private List<WorkOrderView> orders = List.of();
  private List<ExceptionView> exceptions = List.of();
  private LineSnapshot snapshot;
  private final Map<String, String> productNames = new HashMap<>();
  private final Map<Long, String> resolutions = new HashMap<>();

  /** On opening: the line asked for (the first configured one when none) and its panels. */
  public void load() {
    lines = board.lines();
    if ((line == null || line.isBlank()) && !lines.isEmpty()) {
      line = lines.get(0).id();
    }
    known = lines.stream().anyMatch(l -> l.id().equals(line));
    if (!known) {
      snapshot = null;
      refuse("Line \"" + line + "\" is not configured; choose one of the lines above.");
      return;
    }
    reload();
  }

  /** On a push: the panels again; the exceptions panel only when its exceptions changed (keeps typing). */
  public void refresh() {
    if (!known) {
      return;
    }
    List<Long> before = exceptions.stream().map(ExceptionView::id).toList();
    reload();
    if (!before.equals(exceptions.stream().map(ExceptionView::id).toList())) {
      PrimeFaces.current().ajax().update("board:exceptions");
    }
  }

  private void reload() {
    snapshot = monitor.snapshot(line);
    orders = board.orders(line);
    exceptions = board.openExceptions(line);
    resolutions.keySet().retainAll(exceptions.stream().map(ExceptionView::id).toList());
  }

  // ---- commands

  public void start(long id) {
    command("start", id, () -> service.start(id), "Work order " + id + " started.");
  }

  public void pause(long id) {
    command("pause", id, () -> service.pause(id), "Work order " + id + " paused.");
  }

  public void resume(long id) {
    command("resume", id, () -> service.resume(id), "Work order " + id + " resumed.");
  }

  public void close(long id) {
    command("close", id, () -> service.close(id), "Work order " + id + " closed.");
  }

  public void release(long id) {
    command("release", id, () -> service.release(id), "Work order " + id + " released.");
  }

  /** Resolves an open exception with the resolution picked or typed for it (QA). */
  public void resolve(long exceptionId) {
    String resolution = resolutions.get(exceptionId);
    if (resolution == null || resolution.isBlank()) {
      refuse("Resolution: say how exception " + exceptionId + " was resolved before resolving it.");
      return;
    }
    try {
      service.resolveException(exceptionId, resolution.strip());
      inform("Exception " + exceptionId + " resolved.");
      resolutions.remove(exceptionId);
    } catch (EJBAccessException e) {
      refused("resolve exception", "LineException", exceptionId, "not-allowed",
          "Your roles do not allow resolving line exceptions; QA resolves them.");
    } catch (DomainException e) {
      refused("resolve exception", "LineException", exceptionId, e.code(), e.getMessage());
    }
    reloadAfterCommand();
  }

  private void command(String what, long id, Supplier<WorkOrderView> call, String done) {
    try {
      call.get();
      inform(done);
    } catch (EJBAccessException e) {
      refused(what + " work order", "WorkOrder", id, "not-allowed",
          "Your roles do not allow to " + what + " work orders; " + whoMay(what) + ".");
    } catch (DomainException e) {
      refused(what + " work order", "WorkOrder", id, e.code(), e.getMessage());
    }
    reloadAfterCommand();
  }

  private void reloadAfterCommand() {
    if (known) {
      reload();
    }
  }

  private static String whoMay(String what) {
    return switch (what) {
      case "release" -> "QA releases them";
      case "close" -> "the operator or QA closes them";
      default -> "the operator does";
    };
  }

  // ---- what the page shows

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public boolean isKnown() {
    return known;
  }

  public List<ProductionLine> getLines() {
    return lines;
  }

  public String getLineName() {
    return lines.stream().filter(l -> l.id().equals(line)).map(ProductionLine::name).findFirst().orElse(line);
  }

  public LineSnapshot getSnapshot() {
    return snapshot;
  }

  /** The order on the line (running, paused or stopped), if any. */
  public WorkOrderView getActive() {
    return orders.stream().filter(o -> WorkOrderStatus.valueOf(o.status()).onLine()).findFirst().orElse(null);
  }

  /** The order shown in the order panel: the one on the line, else the last closed one, else null. */
  public WorkOrderView getCurrent() {
    WorkOrderView active = getActive();
    if (active != null) {
      return active;
    }
    return orders.stream().filter(o -> o.status().equals(WorkOrderStatus.CLOSED.name())).findFirst().orElse(null);
  }

  /** Orders waiting for the line: created (for QA to release) and released (for the operator to start). */
  public List<WorkOrderView> getQueue() {
    return orders.stream()
        .filter(o -> o.status().equals(WorkOrderStatus.CREATED.name())
            || o.status().equals(WorkOrderStatus.RELEASED.name()))
        .toList();
  }

  public List<ExceptionView> getExceptions() {
    return exceptions;
  }

  public Map<Long, String> getResolutions() {
    return resolutions;
  }

  public List<String> getResolutionChoices() {
    return RESOLUTIONS;
  }

  /** The line state in words, "No report" before the line reported one. */
  public String getState() {
    return snapshot == null || snapshot.state() == null ? "No report" : snapshot.state();
  }

  /** CSS class of the state badge. */
  public String getStateClass() {
    if (snapshot == null || snapshot.state() == null) {
      return "c-state c-state-none";
    }
    return switch (snapshot.state()) {
      case "RUNNING" -> "c-state c-state-run";
      case "STOPPED" -> "c-state c-state-stop";
      default -> "c-state c-state-alarm";
    };
  }

  /** Rejected reads of the order by reason, as the monitor counted them. */
  public List<ReasonCount> getRejectReasons() {
    return snapshot == null ? List.of() : snapshot.rejectReasons().entrySet().stream()
        .map(e -> new ReasonCount(e.getKey(), e.getValue())).toList();
  }

  public boolean isGood(Read r) {
    return LineSnapshot.GOOD.equals(r.outcome());
  }

  public String svg(String code) {
    return images.svg(code);
  }

  /** The product's regulated name from master data, or "" when it has none. */
  public String product(String gtin) {
    return productNames.computeIfAbsent(gtin, g -> {
      try {
        return masterData.product(Gtin.of(g)).map(Product::regulatedProductName).orElse("");
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "no product name for " + g, e);
        return "";
      }
    });
  }

  /** YYMMDD as a date; a day 00 (end of the month) stays as printed. */
  public String expiry(String yymmdd) {
    if (yymmdd == null || yymmdd.length() != 6) {
      return yymmdd;
    }
    return "20" + yymmdd.substring(0, 2) + "-" + yymmdd.substring(2, 4) + "-" + yymmdd.substring(4);
  }

  /** Share of the quantity printed, 0 to 100. */
  public int percent(WorkOrderView o) {
    return o.quantity() <= 0 ? 0 : (int) Math.min(100, Math.round(o.printed() * 100.0 / o.quantity()));
  }

  public String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  public String dateTime(OffsetDateTime t) {
    return t == null ? "" : DATE_TIME.format(t);
  }

  // ---- roles: what is offered

  public boolean isOperator() {
    return inRole(Roles.OPERATOR);
  }

  public boolean isQa() {
    return inRole(Roles.QA);
  }

  public boolean isCanClose() {
    return isOperator() || isQa();
  }

  private static boolean inRole(String role) {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    return ctx.isUserInRole(role);
  }

  // ---- messages

  private static void inform(String sentence) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, sentence, null));
  }

  private static void refuse(String sentence) {
    FacesContext ctx = FacesContext.getCurrentInstance();
    ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, null));
    ctx.validationFailed();
  }

  /** Shows the refusal and audits it, as the REST API does for its refusals. */
  private void refused(String action, String objectType, long id, String code, String sentence) {
    refuse(sentence);
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    String actor = ctx.getUserPrincipal() == null ? "anonymous" : ctx.getUserPrincipal().getName();
    try {
      audit.refused(actor, "UI dashboard " + action, objectType, String.valueOf(id),
          code + " on " + line + ": " + sentence);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not audit refusal " + sentence, e);
    }
  }
}
