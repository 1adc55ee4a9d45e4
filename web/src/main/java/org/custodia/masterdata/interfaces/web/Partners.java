package org.custodia.masterdata.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sgln;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.PartnerRole;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.platform.DomainException;
import org.custodia.security.Roles;

/**
 * Backs {@code partners.xhtml}: lists the trading partners with their roles, sites and whether they may
 * verify, and lets an administrator add or change one. The rules live in {@link TradingPartner} and the
 * service; a refusal is shown with their sentence. Sites are typed as GLNs, one per line or comma, an
 * extension after a slash ({@code 9506000000022/DOCK1}).
 */
@Named
@ViewScoped
public class Partners implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A partner as the table shows it. */
  public record Row(String gln, String name, String roles, boolean mayVerify, String sites) {}

  @Inject TradingPartnerService service;

  private List<Row> rows;
  private String gln;
  private String name;
  private List<String> roles = new ArrayList<>();
  private boolean mayVerify;
  private String sites;

  public List<Row> getRows() {
    if (rows == null) {
      rows = service.partners().stream()
          .map(p -> new Row(p.partyGln().value(), p.name(), String.join(", ", p.roleNames()), p.mayVerify(),
              String.join(", ", p.sites().stream().map(Partners::site).toList())))
          .toList();
    }
    return rows;
  }

  public List<String> getRoleOptions() {
    return Arrays.stream(PartnerRole.values()).map(PartnerRole::wireName).toList();
  }

  public boolean isCanEdit() {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
  }

  /** Loads a partner into the form. */
  public void edit(String partyGln) {
    service.partner(Gln.of(partyGln)).ifPresent(p -> {
      gln = p.partyGln().value();
      name = p.name();
      roles = new ArrayList<>(p.roleNames());
      mayVerify = p.mayVerify();
      sites = String.join("\n", p.sites().stream().map(Partners::site).toList());
    });
  }

  /** Saves the form as a new or changed partner. */
  public void save() {
    FacesContext ctx = FacesContext.getCurrentInstance();
    try {
      Set<PartnerRole> r = EnumSet.noneOf(PartnerRole.class);
      roles.forEach(n -> r.add(PartnerRole.of(n)));
      TradingPartner p = new TradingPartner(Gln.of(gln == null ? "" : gln.strip()), name, r, mayVerify, parseSites());
      boolean created = service.save(p);
      ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          (created ? "Added " : "Saved ") + p.name() + " (" + p.partyGln().value() + ")", null));
      rows = null;
    } catch (Gs1Exception | DomainException e) {
      ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (EJBAccessException e) {
      ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only an administrator may change partners.", null));
    }
  }

  private List<Sgln> parseSites() {
    List<Sgln> out = new ArrayList<>();
    if (sites != null) {
      for (String s : sites.split("[,\\n]")) {
        String t = s.strip();
        if (!t.isEmpty()) {
          int slash = t.indexOf('/');
          out.add(slash < 0 ? Sgln.of(t, null) : Sgln.of(t.substring(0, slash), t.substring(slash + 1)));
        }
      }
    }
    return out;
  }

  private static String site(Sgln s) {
    return s.gln().value() + (s.hasExtension() ? "/" + s.extension() : "");
  }

  public String getGln() {
    return gln;
  }

  public void setGln(String gln) {
    this.gln = gln;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : roles;
  }

  public boolean isMayVerify() {
    return mayVerify;
  }

  public void setMayVerify(boolean mayVerify) {
    this.mayVerify = mayVerify;
  }

  public String getSites() {
    return sites;
  }

  public void setSites(String sites) {
    this.sites = sites;
  }
}
