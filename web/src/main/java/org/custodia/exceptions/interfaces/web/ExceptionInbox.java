package org.custodia.exceptions.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.ExceptionStatus;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.DomainException;

/**
 * Backs {@code exceptions.xhtml}, the exception inbox (UI-2, EXC-1, EXC-2): the newest exceptions first,
 * filtered by status (open by default), type and serial; one opened with its objects and detail; QA or
 * compliance resolve it with its root cause. Reading and resolving go through {@link
 * SupplyExceptionService}, so its roles and audit records apply as they do over REST.
 */
@Named
@ViewScoped
public class ExceptionInbox implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows shown at most. */
  static final int SHOWN = 200;

  @Inject SupplyExceptionService service;

  private String status = ExceptionStatus.OPEN.name();
  private String type = "";
  private String serial;
  private List<SupplyException> rows;
  private SupplyException selected;
  private String rootCause;

  /** The exceptions matching the filters, newest first (read once per request that changes them). */
  public List<SupplyException> getRows() {
    if (rows == null) {
      rows = service.list(type == null || type.isBlank() ? null : ExceptionType.valueOf(type),
          status == null || status.isBlank() ? null : ExceptionStatus.valueOf(status),
          serial == null || serial.isBlank() ? null : serial.trim(), SHOWN);
    }
    return rows;
  }

  /** Applies the filters. */
  public void search() {
    rows = null;
  }

  /** Opens one exception. */
  public void open(long id) {
    selected = service.get(id);
    rootCause = null;
  }

  /** Resolves the open exception with the root cause typed. */
  public void resolve() {
    if (selected == null) {
      return;
    }
    try {
      selected = service.resolve(selected.id(), rootCause);
      rootCause = null;
      rows = null;
      message(FacesMessage.SEVERITY_INFO, "Exception " + selected.id() + " resolved.");
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Only QA or compliance can resolve an exception.");
    }
  }

  /** The types to filter by. */
  public List<String> getTypes() {
    return Arrays.stream(ExceptionType.values()).map(Enum::name).toList();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public SupplyException getSelected() {
    return selected;
  }

  public String getRootCause() {
    return rootCause;
  }

  public void setRootCause(String rootCause) {
    this.rootCause = rootCause;
  }
}
