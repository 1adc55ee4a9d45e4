package org.custodia.platform.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.custodia.security.Roles;

/** The signed-in user as the screens show it, and logging out. */
@Named("currentUser")
@RequestScoped
public class UserSession {

  private static final List<String> ROLES =
      List.of(Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR);

  public String getUserName() {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    return ctx.getUserPrincipal() == null ? "" : ctx.getUserPrincipal().getName();
  }

  public String getRoles() {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    List<String> held = new ArrayList<>();
    for (String r : ROLES) {
      if (ctx.isUserInRole(r)) {
        held.add(r);
      }
    }
    return String.join(", ", held);
  }

  public boolean hasRole(String role) {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
  }

  /** Whether the user holds any of the comma-separated {@code roles}, for what a screen offers. */
  public boolean hasAnyRole(String roles) {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    for (String r : roles.split(",")) {
      if (ctx.isUserInRole(r.strip())) {
        return true;
      }
    }
    return false;
  }

  public String logout() throws ServletException {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) ctx.getRequest()).logout();
    ctx.invalidateSession();
    return "/index?faces-redirect=true";
  }
}
