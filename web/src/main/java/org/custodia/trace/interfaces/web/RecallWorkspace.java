package org.custodia.trace.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.platform.DomainException;
import org.custodia.trace.application.RecallService;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.RecallExceptionRecord;
import org.custodia.trace.domain.ScopeObject;
import org.custodia.trace.infrastructure.report.RecallReports;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code recall.xhtml} (UI-2, RCL-3): QA starts a recall of lots or of a production window, signing
 * it in a dialog that asks for the password again and the meaning of the signature (AUD-2); everyone
 * allowed follows its progress, the units by location, the objects, the exceptions, and downloads the
 * scope as CSV or PDF.
 */
@Named
@ViewScoped
public class RecallWorkspace implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Objects shown on the screen; the reports hold all of them. */
  static final int SHOWN = 200;

  @Inject RecallService service;

  private String by = "LOTS";
  private String gtin;
  private String lots;
  private String line;
  private String from;
  private String to;
  private String reason;
  private String meaning = RecallService.DEFAULT_MEANING;
  private String password;

  private Long selectedId;
  private Recall selected;
  private List<LocationCount> groups = List.of();
  private List<ScopeObject> objects = List.of();
  private List<RecallExceptionRecord> exceptions = List.of();

  /** Checks the request before the signature dialog opens; true when it may be signed. */
  public void prepare() {
    if (criteria() != null) {
      PrimeFaces.current().executeScript("PF('signDialog').show()");
    }
  }

  /** Signs and starts the recall. */
  public void sign() {
    RecallCriteria c = criteria();
    char[] pw = password == null ? new char[0] : password.toCharArray();
    password = null;
    if (c == null) {
      return;
    }
    try {
      long id = service.start(c, reason, meaning, pw);
      Arrays.fill(pw, '\0');
      PrimeFaces.current().executeScript("PF('signDialog').hide()");
      message(FacesMessage.SEVERITY_INFO, "Recall " + id + " signed and started.");
      select(id);
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Only QA can sign a recall.");
    }
  }

  private RecallCriteria criteria() {
    try {
      if ("LINE".equals(by)) {
        return RecallCriteria.ofLineWindow(line, time("from", from), time("to", to));
      }
      if (gtin == null || gtin.isBlank()) {
        message(FacesMessage.SEVERITY_ERROR, "Give the GTIN of the recalled product.");
        return null;
      }
      List<String> lotList = new ArrayList<>();
      for (String l : (lots == null ? "" : lots).split("[,\\s]+")) {
        if (!l.isBlank()) {
          lotList.add(LotNumber.of(l.strip()).value());
        }
      }
      return RecallCriteria.ofLots(Gtin.of(gtin.strip()).value(), lotList);
    } catch (Gs1Exception | DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
      return null;
    }
  }

  private static OffsetDateTime time(String field, String value) {
    try {
      return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new org.custodia.trace.domain.RecallException(DomainException.Kind.INVALID, "format", field, value,
          "\"" + value + "\" is no date-time with offset, such as 2026-11-27T08:00:00Z");
    }
  }

  /** Shows a recall. */
  public void select(long id) {
    selectedId = id;
    refresh();
  }

  /** Reads the selected recall again (the poll calls it while it runs). */
  public void refresh() {
    if (selectedId == null) {
      return;
    }
    try {
      selected = service.recall(selectedId);
      groups = service.byLocation(selectedId);
      objects = service.objects(selectedId, 1, SHOWN);
      exceptions = service.exceptions(selectedId);
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
      selected = null;
    }
  }

  public List<Recall> getRecent() {
    try {
      return service.recent(20);
    } catch (EJBAccessException e) {
      return List.of();
    }
  }

  public StreamedContent getCsv() {
    long id = selectedId;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      RecallReports.csv(w, page -> service.objects(id, page, 1000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DefaultStreamedContent.builder().name("recall-" + id + ".csv").contentType("text/csv")
        .stream(() -> new ByteArrayInputStream(bytes.toByteArray())).build();
  }

  public StreamedContent getPdf() {
    long id = selectedId;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RecallReports.pdf(bytes, service.recall(id), service.byLocation(id), page -> service.objects(id, page, 1000));
    return DefaultStreamedContent.builder().name("recall-" + id + ".pdf").contentType("application/pdf")
        .stream(() -> new ByteArrayInputStream(bytes.toByteArray())).build();
  }

  public boolean isRunning() {
    return selected != null && "RUNNING".equals(selected.status());
  }

  private static void message(FacesMessage.Severity severity, String sentence) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, sentence, null));
  }

  public String getBy() {
    return by;
  }

  public void setBy(String by) {
    this.by = by;
  }

  public String getGtin() {
    return gtin;
  }

  public void setGtin(String gtin) {
    this.gtin = gtin;
  }

  public String getLots() {
    return lots;
  }

  public void setLots(String lots) {
    this.lots = lots;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMeaning() {
    return meaning;
  }

  public void setMeaning(String meaning) {
    this.meaning = meaning;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Recall getSelected() {
    return selected;
  }

  public List<LocationCount> getGroups() {
    return groups;
  }

  public List<ScopeObject> getObjects() {
    return objects;
  }

  public List<RecallExceptionRecord> getExceptions() {
    return exceptions;
  }
}
