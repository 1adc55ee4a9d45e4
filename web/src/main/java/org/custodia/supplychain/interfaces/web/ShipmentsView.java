package org.custodia.supplychain.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.audit.application.AuditTrail;
import org.custodia.supplychain.application.ShipmentService;
import org.custodia.supplychain.domain.ReceiptLine;
import org.custodia.supplychain.domain.ReturnOrder;
import org.custodia.supplychain.domain.ReturnRecord;
import org.custodia.supplychain.domain.Shipment;
import org.custodia.supplychain.domain.ShipmentOrder;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.platform.DomainException;

/**
 * Backs {@code shipments.xhtml} (LIFE-1): ship codes pasted or scanned against a purchase order between
 * partners and locations of the master data, list shipments, receive one (scanned and damaged codes) and
 * see its discrepancies, register a return. The screen asks the same service as {@code /api/shipments}
 * and {@code /api/returns}; refusals are shown and audited.
 */
@Named
@ViewScoped
public class ShipmentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ShipmentService service;
  @Inject TradingPartnerService partnerService;
  @Inject MasterDataService masterData;
  @Inject AuditTrail audit;

  private String items;
  private String purchaseOrder;
  private String despatchAdvice;
  private String sourceOwner;
  private String sourceLocation;
  private String destinationOwner;
  private String destinationLocation;

  private Shipment selected;
  private String received;
  private String damaged;

  private String returnItems;
  private String fromOwner;
  private String fromLocation;
  private String toOwner;
  private String toLocation;
  private String reason;
  private boolean saleable = true;
  private ReturnRecord lastReturn;

  private List<TradingPartner> partners;
  private List<Location> locations;

  /** Ships the codes in the field. */
  public void ship() {
    try {
      Shipment s = service.ship(new ShipmentOrder(lines(items), purchaseOrder, despatchAdvice, sourceOwner,
          sourceLocation, destinationOwner, destinationLocation));
      selected = s;
      items = null;
      message(FacesMessage.SEVERITY_INFO, "Shipment " + s.id() + " is in transit with " + s.items().size()
          + " objects.");
    } catch (DomainException e) {
      refused("shipment.ship", e);
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow shipping.");
    }
  }

  /** Receives the selected shipment with the scanned and damaged codes. */
  public void receive() {
    if (selected == null) {
      message(FacesMessage.SEVERITY_WARN, "Select a shipment to receive.");
      return;
    }
    try {
      selected = service.receive(selected.id(), lines(received), lines(damaged));
      received = null;
      damaged = null;
      message(selected.receipt().stream().anyMatch(l -> l.outcome().discrepancy()) ? FacesMessage.SEVERITY_WARN
          : FacesMessage.SEVERITY_INFO, "Shipment " + selected.id() + ": " + selected.status());
    } catch (DomainException e) {
      refused("shipment.receive", e);
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow receiving.");
    }
  }

  /** Registers the return in the fields. */
  public void registerReturn() {
    try {
      lastReturn = service.registerReturn(new ReturnOrder(lines(returnItems), fromOwner, fromLocation, toOwner,
          toLocation, reason, saleable));
      returnItems = null;
      message(FacesMessage.SEVERITY_INFO, "Return " + lastReturn.id() + " recorded: " + lastReturn.items().size()
          + " objects " + (saleable ? "returned (saleable)" : "non-sellable") + ".");
    } catch (DomainException e) {
      refused("shipment.return", e);
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow returns.");
    }
  }

  /** Shows one shipment. */
  public void open(long id) {
    try {
      selected = service.shipment(id);
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public List<Shipment> getShipments() {
    try {
      return service.list(null, 100);
    } catch (EJBAccessException e) {
      return List.of();
    }
  }

  /** The receipt lines that are discrepancies. */
  public List<ReceiptLine> getDiscrepancies() {
    return selected == null ? List.of()
        : selected.receipt().stream().filter(l -> l.outcome().discrepancy()).toList();
  }

  public List<TradingPartner> getPartners() {
    if (partners == null) {
      try {
        partners = partnerService.partners();
      } catch (EJBAccessException e) {
        partners = List.of();
      }
    }
    return partners;
  }

  public List<Location> getLocations() {
    if (locations == null) {
      try {
        locations = masterData.locations();
      } catch (EJBAccessException e) {
        locations = List.of();
      }
    }
    return locations;
  }

  private void refused(String action, DomainException e) {
    String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    audit.refused(user == null ? "anonymous" : user, action, "Shipment", null,
        e.code() + (e.field() == null ? "" : " field=" + e.field()) + (e.value() == null ? "" : " value=" + e.value())
            + ": " + e.getMessage());
    message(FacesMessage.SEVERITY_ERROR, e.getMessage());
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      Arrays.stream(text.split("[\\r\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  // --- fields ---

  public String getItems() { return items; }
  public void setItems(String v) { items = v; }
  public String getPurchaseOrder() { return purchaseOrder; }
  public void setPurchaseOrder(String v) { purchaseOrder = v; }
  public String getDespatchAdvice() { return despatchAdvice; }
  public void setDespatchAdvice(String v) { despatchAdvice = v; }
  public String getSourceOwner() { return sourceOwner; }
  public void setSourceOwner(String v) { sourceOwner = v; }
  public String getSourceLocation() { return sourceLocation; }
  public void setSourceLocation(String v) { sourceLocation = v; }
  public String getDestinationOwner() { return destinationOwner; }
  public void setDestinationOwner(String v) { destinationOwner = v; }
  public String getDestinationLocation() { return destinationLocation; }
  public void setDestinationLocation(String v) { destinationLocation = v; }
  public Shipment getSelected() { return selected; }
  public String getReceived() { return received; }
  public void setReceived(String v) { received = v; }
  public String getDamaged() { return damaged; }
  public void setDamaged(String v) { damaged = v; }
  public String getReturnItems() { return returnItems; }
  public void setReturnItems(String v) { returnItems = v; }
  public String getFromOwner() { return fromOwner; }
  public void setFromOwner(String v) { fromOwner = v; }
  public String getFromLocation() { return fromLocation; }
  public void setFromLocation(String v) { fromLocation = v; }
  public String getToOwner() { return toOwner; }
  public void setToOwner(String v) { toOwner = v; }
  public String getToLocation() { return toLocation; }
  public void setToLocation(String v) { toLocation = v; }
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
  public boolean isSaleable() { return saleable; }
  public void setSaleable(boolean v) { saleable = v; }
  public ReturnRecord getLastReturn() { return lastReturn; }
}
