package org.custodia.lifecycle.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.lifecycle.application.BatchStateService;
import org.custodia.lifecycle.application.PackStateService;
import org.custodia.lifecycle.application.PackStates;
import org.custodia.lifecycle.domain.BatchState;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.platform.DomainException;

/**
 * Backs {@code packs.xhtml} (LIFE-1, LIFE-2): codes scanned or pasted one per line, an action (dispense,
 * destroy, report stolen, sample, free sample, lock, export, check out) for a party at a location from the
 * master data, and each pack's result or refusal; the undo of the same action; and, for QA, the batch state
 * panel. The page asks the same services as {@code /api/packs} and {@code /api/batches}.
 */
@Named("packs")
@ViewScoped
public class PacksPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One row of the results table. */
  public record Row(String code, String epc, String state, String refusal, String nmvsCode, String detail)
      implements Serializable {}

  @Inject PackStateService service;
  @Inject BatchStateService batches;
  @Inject TradingPartnerService partners;
  @Inject MasterDataService masterData;

  private String codes;
  private String action = PackState.SUPPLIED.name();
  private String party;
  private String location;
  private List<Row> rows = List.of();
  private String outcome;
  private List<SelectItem> partyOptions = List.of();
  private List<SelectItem> locationOptions = List.of();

  private String gtin;
  private String lot;
  private String batchState = BatchState.WITHDRAWN.name();
  private String reason;
  private PackStates.BatchView batch;

  @PostConstruct
  void init() {
    try {
      partyOptions = partners.partners().stream()
          .map(p -> new SelectItem(p.partyGln().value(), p.partyGln().value() + " " + p.name())).toList();
      locationOptions = masterData.locations().stream()
          .map(l -> new SelectItem(l.gln().value(), l.gln().value() + " " + l.name())).toList();
    } catch (EJBAccessException e) {
      partyOptions = List.of();
    }
  }

  /** The actions, labelled as people say them. */
  public List<SelectItem> getActionOptions() {
    return List.of(new SelectItem("SUPPLIED", "Dispense (supplied)"), new SelectItem("DESTROYED", "Destroy"),
        new SelectItem("STOLEN", "Report stolen"), new SelectItem("SAMPLE", "Sample"),
        new SelectItem("FREE_SAMPLE", "Free sample"), new SelectItem("LOCKED", "Lock"),
        new SelectItem("EXPORTED", "Export"), new SelectItem("CHECKED_OUT", "Check out"));
  }

  /** Decommissions the packs to the chosen state. */
  public void decommission() {
    run(false);
  }

  /** Undoes the chosen decommissioning of the packs. */
  public void undo() {
    run(true);
  }

  private void run(boolean undo) {
    rows = List.of();
    outcome = null;
    List<String> list = Arrays.stream(codes == null ? new String[0] : codes.split("\\R")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
    if (list.isEmpty()) {
      message(FacesMessage.SEVERITY_WARN, "Scan or paste at least one pack code, one per line.");
      return;
    }
    try {
      PackState state = PackStates.state("action", action, true);
      Gln p = gln("party", party);
      Gln l = gln("location", location);
      PackStates.Result r = undo ? service.undo(list, state, p, l) : service.decommission(list, state, p, l);
      List<Row> out = new ArrayList<>();
      for (PackStates.PackResult x : r.packs()) {
        out.add(new Row(x.code(), x.epc(), x.state() == null ? "" : x.state().name(),
            x.refusal() == null ? "" : x.refusal().name(), x.refusal() == null ? "" : x.refusal().nmvsCode(),
            x.detail() == null ? (r.done() ? "done" : "would be allowed") : x.detail()));
      }
      rows = out;
      if (r.done()) {
        outcome = r.packs().size() + " packs now " + r.packs().get(0).state().name() + ", event " + r.eventId();
        message(FacesMessage.SEVERITY_INFO, outcome);
      } else {
        outcome = r.refusals().size() + " of " + r.packs().size() + " packs refused; nothing was changed.";
        message(FacesMessage.SEVERITY_ERROR, outcome);
      }
    } catch (DomainException | Gs1Exception e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow changing pack states.");
    }
  }

  /** Shows the batch's state. */
  public void lookUpBatch() {
    batch = null;
    try {
      batch = batches.batch(Gtin.of(gtin == null ? "" : gtin.strip()).value(),
          LotNumber.of(lot == null ? "" : lot.strip()).value());
    } catch (DomainException | Gs1Exception e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (IllegalArgumentException e) {
      message(FacesMessage.SEVERITY_ERROR, "Enter a valid GTIN and lot.");
    }
  }

  /** Sets (or lifts) the batch's state. */
  public void setBatch() {
    try {
      batch = batches.set(Gtin.of(gtin == null ? "" : gtin.strip()).value(),
          LotNumber.of(lot == null ? "" : lot.strip()).value(), BatchState.valueOf(batchState), reason);
      message(FacesMessage.SEVERITY_INFO, "Batch " + batch.gtin() + " " + batch.lot() + " is now " + batch.state());
    } catch (DomainException | Gs1Exception e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (IllegalArgumentException e) {
      message(FacesMessage.SEVERITY_ERROR, "Enter a valid GTIN and lot.");
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Only QA and administrators change batch states.");
    }
  }

  private static Gln gln(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new org.custodia.lifecycle.domain.PackStateException(DomainException.Kind.INVALID, field + "-required",
          field, null, "Choose the " + field + ".");
    }
    return Gln.of(value);
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getCodes() {
    return codes;
  }

  public void setCodes(String codes) {
    this.codes = codes;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getParty() {
    return party;
  }

  public void setParty(String party) {
    this.party = party;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getOutcome() {
    return outcome;
  }

  public List<SelectItem> getPartyOptions() {
    return partyOptions;
  }

  public List<SelectItem> getLocationOptions() {
    return locationOptions;
  }

  public String getGtin() {
    return gtin;
  }

  public void setGtin(String gtin) {
    this.gtin = gtin;
  }

  public String getLot() {
    return lot;
  }

  public void setLot(String lot) {
    this.lot = lot;
  }

  public String getBatchState() {
    return batchState;
  }

  public void setBatchState(String batchState) {
    this.batchState = batchState;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public PackStates.BatchView getBatch() {
    return batch;
  }

  /** The batch states QA sets. */
  public List<SelectItem> getBatchStateOptions() {
    return List.of(new SelectItem("WITHDRAWN", "Withdrawn"), new SelectItem("RECALLED", "Recalled"),
        new SelectItem("RELEASED", "Released (lift the block)"));
  }
}
