package org.custodia.aggregation.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.custodia.aggregation.application.Distribution;
import org.custodia.aggregation.application.DistributionService;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.LinkRecord;
import org.custodia.aggregation.domain.ScannedCodes;
import org.custodia.audit.application.AuditTrail;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sscc;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.domain.Location;
import org.custodia.platform.DomainException;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * Backs {@code containers.xhtml} (AGG-2): an SSCC scanned or pasted opens the case or pallet with its
 * children (cases with their units), its containment history, and the changes a distribution point makes —
 * take selected children out, unpack everything, replace a damaged child, add codes, or pack codes into a
 * new case or pallet (whose new SSCC is then shown). It calls the same service as {@code
 * /api/aggregation/containers}; a refusal is shown with its sentence and audited.
 */
@Named
@ViewScoped
public class Containers implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Demo wholesaler, the default site when the master data has it. */
  static final String DEFAULT_SITE = "9506000000022";

  @Inject DistributionService service;
  @Inject MasterDataService masterData;
  @Inject AuditTrail audit;

  private String input;
  private String location;
  private Distribution.ContainerView container;
  private TreeNode<Distribution.ChildView> tree;
  private List<String> selected = new ArrayList<>();
  private String oldChild;
  private String newChild;
  private String reason = "damaged";
  private boolean damaged = true;
  private String codes;
  private String level = "CASE";
  private String newCodes;

  /** The sites of the master data, for the location menu. */
  public List<Location> getLocations() {
    try {
      return masterData.locations();
    } catch (EJBAccessException e) {
      return List.of();
    }
  }

  /** Opens the container whose SSCC is in the field. */
  public void open() {
    container = null;
    tree = null;
    if (input == null || input.isBlank()) {
      message(FacesMessage.SEVERITY_WARN, "Scan or paste the SSCC of a case or pallet.");
      return;
    }
    run("open", () -> {
      load(ScannedCodes.sscc(input));
      return null;
    });
  }

  /** Opens a container the address names ({@code containers.xhtml?sscc=…}), if any. */
  public void load() {
    if (location == null) {
      location = getLocations().stream().map(l -> l.gln().value()).filter(DEFAULT_SITE::equals).findFirst()
          .orElse(getLocations().isEmpty() ? null : getLocations().get(0).gln().value());
    }
    if (input != null && !input.isBlank()) {
      open();
    }
  }

  /** Takes the selected children out. */
  public void removeSelected() {
    if (selected.isEmpty()) {
      message(FacesMessage.SEVERITY_WARN, "Select the children to take out.");
      return;
    }
    changed("remove", () -> service.remove(current(), children(selected), site()), " taken out");
  }

  /** Takes every child out. */
  public void unpack() {
    changed("unpack", () -> service.unpack(current(), site()), " taken out, the container is empty");
  }

  /** Replaces the chosen child by the code typed. */
  public void replace() {
    changed("replace", () -> service.replace(current(), ScannedCodes.code(nonBlank(oldChild, "the child to replace")),
        ScannedCodes.code(nonBlank(newChild, "the replacement")), reason, damaged, site()), " replaced");
  }

  /** Adds the codes typed (one a line) to the container. */
  public void add() {
    changed("add", () -> service.add(current(), children(lines(codes)), site()), " added");
  }

  /** Packs the codes typed (one a line) into a new case or pallet and opens it. */
  public void pack() {
    Distribution.Changed done = run("pack", () -> service.pack(ContainerLevel.valueOf(level),
        children(lines(newCodes)), site()));
    if (done != null) {
      newCodes = null;
      input = done.sscc();
      load(Sscc.of(done.sscc()));
      message(FacesMessage.SEVERITY_INFO, "New " + level.toLowerCase(java.util.Locale.ROOT) + " (00)" + done.sscc()
          + " packed with " + childCount(done.children()) + ".");
    }
  }

  /** {@code 1 child}, {@code 3 children}. */
  private static String childCount(int n) {
    return n + (n == 1 ? " child" : " children");
  }

  private void changed(String action, Supplier<Distribution.Changed> change, String what) {
    if (container == null) {
      message(FacesMessage.SEVERITY_WARN, "Open a case or pallet first.");
      return;
    }
    Distribution.Changed done = run(action, change);
    if (done != null) {
      selected = new ArrayList<>();
      codes = null;
      newChild = null;
      load(current());
      message(FacesMessage.SEVERITY_INFO, childCount(done.children()) + what + " (events " + done.eventIds() + ").");
    }
  }

  private <T> T run(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (DomainException e) {
      refused(action, e.code() + ": " + e.getMessage());
    } catch (Gs1Exception e) {
      refused(action, "invalid-gs1-data: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      refused(action, "invalid-field: " + e.getMessage());
    } catch (EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow changing cases and pallets.");
    }
    return null;
  }

  private void refused(String action, String detail) {
    String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    audit.refused(user == null ? "anonymous" : user, "containers.xhtml " + action, "SSCC",
        container == null ? input : container.sscc(), detail);
    message(FacesMessage.SEVERITY_ERROR, detail);
  }

  private void load(Sscc sscc) {
    container = service.container(sscc);
    tree = new DefaultTreeNode<>(null, null);
    for (Distribution.ChildView c : container.children()) {
      TreeNode<Distribution.ChildView> node = new DefaultTreeNode<>(c, tree);
      if (!"UNIT".equals(c.level())) {
        for (Distribution.ChildView g : service.container(ScannedCodes.sscc(c.code())).children()) {
          new DefaultTreeNode<>(g, node);
        }
      }
    }
  }

  private Sscc current() {
    return Sscc.of(container.sscc());
  }

  private Gln site() {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("choose the location where the change is made");
    }
    return Gln.of(location);
  }

  private static String nonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("give " + what);
    }
    return value;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : (text == null ? "" : text).split("[\\r\\n]+")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  private static List<ChildId> children(List<String> codes) {
    return codes.stream().map(ScannedCodes::code).toList();
  }

  private static void message(FacesMessage.Severity severity, String sentence) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, sentence, null));
  }

  /** The history, newest first. */
  public List<LinkRecord> getHistory() {
    if (container == null) {
      return List.of();
    }
    List<LinkRecord> h = new ArrayList<>(container.history());
    Collections.reverse(h);
    return h;
  }

  public Distribution.ContainerView getContainer() {
    return container;
  }

  public TreeNode<Distribution.ChildView> getTree() {
    return tree;
  }

  public String getInput() {
    return input;
  }

  public void setInput(String input) {
    this.input = input;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public List<String> getSelected() {
    return selected;
  }

  public void setSelected(List<String> selected) {
    this.selected = selected == null ? new ArrayList<>() : selected;
  }

  public String getOldChild() {
    return oldChild;
  }

  public void setOldChild(String oldChild) {
    this.oldChild = oldChild;
  }

  public String getNewChild() {
    return newChild;
  }

  public void setNewChild(String newChild) {
    this.newChild = newChild;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isDamaged() {
    return damaged;
  }

  public void setDamaged(boolean damaged) {
    this.damaged = damaged;
  }

  public String getCodes() {
    return codes;
  }

  public void setCodes(String codes) {
    this.codes = codes;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public String getNewCodes() {
    return newCodes;
  }

  public void setNewCodes(String newCodes) {
    this.newCodes = newCodes;
  }
}
