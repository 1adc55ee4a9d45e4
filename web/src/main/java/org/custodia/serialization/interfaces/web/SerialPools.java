package org.custodia.serialization.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.platform.DomainException;
import org.custodia.security.Roles;
import org.custodia.serialization.application.Allocation;
import org.custodia.serialization.application.PoolSpec;
import org.custodia.serialization.application.PoolView;
import org.custodia.serialization.application.SerializationService;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialOrder;

/**
 * Backs {@code pools.xhtml}: lists the serial pools, lets QA and ADMIN open new ones (SER-1) and
 * the shop-floor roles draw serials from them (SER-2, SER-3).
 *
 * <p>The screen holds no rules of its own. Every refusal comes from the service as a {@link
 * DomainException} (or a {@link Gs1Exception} for a malformed GTIN), and is shown with the
 * service's own sentence next to the field it names, so the rules live in one place and the
 * browser, the REST API and the audit trail all say the same thing. The role checks here only
 * decide what is offered; the EJB checks them again.
 */
@Named
@ViewScoped
public class SerialPools implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many allocated serials the page lists; an allocation may hold thousands. */
  static final int SHOWN_SERIALS = 100;

  private static final String NEW_POOL_FORM = "new-pool";
  private static final String ALLOCATE_FORM = "allocate";

  /** Which form holds the input for each field a refusal may name. */
  private static final Map<String, String> FIELD_FORMS =
      Map.of(
          "gtin", NEW_POOL_FORM,
          "charset", NEW_POOL_FORM,
          "length", NEW_POOL_FORM,
          "order", NEW_POOL_FORM,
          "capacity", NEW_POOL_FORM,
          "markets", NEW_POOL_FORM,
          "count", ALLOCATE_FORM,
          "purpose", ALLOCATE_FORM);

  private static final List<SelectItem> MARKETS =
      List.of(
          new SelectItem("US", "US — United States (DSCSA)"),
          new SelectItem("EU", "EU — European Union (FMD)"),
          new SelectItem("DE", "DE — Germany"),
          new SelectItem("FR", "FR — France"),
          new SelectItem("IT", "IT — Italy"),
          new SelectItem("ES", "ES — Spain"),
          new SelectItem("NL", "NL — Netherlands"),
          new SelectItem("CH", "CH — Switzerland"),
          new SelectItem("GB", "GB — United Kingdom"),
          new SelectItem("TR", "TR — Türkiye (ITS)"),
          new SelectItem("RU", "RU — Russia"),
          new SelectItem("SA", "SA — Saudi Arabia (RSD)"),
          new SelectItem("BR", "BR — Brazil"),
          new SelectItem("CN", "CN — China"),
          new SelectItem("IN", "IN — India"),
          new SelectItem("KR", "KR — South Korea"));

  private static final Set<String> ALLOCATING_ROLES =
      Set.of(Roles.QA, Roles.ADMIN, Roles.OPERATOR, Roles.SUPPLY_CHAIN);

  @Inject SerializationService service;

  private transient List<PoolView> pools;

  private String gtin;
  private String charset = SerialCharset.NUMERIC.name();
  private Integer length = 12;
  private String order = SerialOrder.RANDOM.name();
  private Long capacity;
  private String[] markets = new String[0];

  private Long chosenId;
  private transient PoolView chosen;
  private Integer count = 10;
  private String purpose;
  private ArrayList<String> allocated;
  private int allocatedCount;
  private long allocationId;

  /** The pools, newest first, so that a pool just created is on the first page. */
  public List<PoolView> getPools() {
    if (pools == null) {
      pools =
          service.listPools().stream()
              .sorted(Comparator.comparingLong(PoolView::id).reversed())
              .toList();
    }
    return pools;
  }

  public void create() {
    try {
      PoolSpec spec =
          new PoolSpec(
              Gtin.of(gtin == null ? "" : gtin.strip()),
              SerialCharset.valueOf(charset),
              length,
              SerialOrder.valueOf(order),
              capacity,
              List.of(markets));
      PoolView pool = service.createPool(spec);
      inform("Created serial pool " + pool.id() + " for GTIN " + pool.gtin() + ".");
      pools = null;
      gtin = null;
      capacity = null;
      markets = new String[0];
    } catch (Gs1Exception e) {
      refuse("gtin", e.getMessage());
    } catch (DomainException e) {
      refuse(e.field(), e.getMessage());
    } catch (EJBAccessException e) {
      refuse(null, "Your roles do not allow opening serial pools; QA or ADMIN can.");
    }
  }

  /** Picks the pool the allocation form draws from. */
  public void choose(long poolId) {
    chosenId = poolId;
    chosen = null;
    allocated = null;
  }

  public void allocate() {
    if (chosenId == null) {
      refuse(null, "Choose a pool to allocate from.");
      return;
    }
    try {
      Allocation a = service.allocate(chosenId, count, purpose);
      allocationId = a.allocationId();
      allocatedCount = a.serials().size();
      allocated =
          new ArrayList<>(a.serials().subList(0, Math.min(SHOWN_SERIALS, a.serials().size())));
      inform("Allocated " + allocatedCount + " serials from pool " + a.poolId() + ".");
      pools = null;
      chosen = null;
    } catch (DomainException e) {
      refuse(e.field(), e.getMessage());
    } catch (EJBAccessException e) {
      refuse(null, "Your roles do not allow allocating serials.");
    }
  }

  /** The pool chosen for allocation, fresh from the service, or null. */
  public PoolView getChosen() {
    if (chosen == null && chosenId != null) {
      try {
        chosen = service.pool(chosenId);
      } catch (DomainException e) {
        chosenId = null;
      }
    }
    return chosen;
  }

  public boolean isCanCreate() {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    return ctx.isUserInRole(Roles.QA) || ctx.isUserInRole(Roles.ADMIN);
  }

  public boolean isCanAllocate() {
    ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
    return ALLOCATING_ROLES.stream().anyMatch(ctx::isUserInRole);
  }

  /**
   * Share of the capacity issued, in whole percent for the bar; anything issued shows at least 1.
   */
  public int percent(PoolView p) {
    if (p.capacity() <= 0 || p.issued() <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.min(100, Math.round(p.issued() * 100.0 / p.capacity())));
  }

  /**
   * Share of the capacity issued as text: "<1%" rather than a misleading "0%" once anything is
   * issued.
   */
  public String usage(PoolView p) {
    if (p.capacity() <= 0 || p.issued() <= 0) {
      return "0%";
    }
    double pct = p.issued() * 100.0 / p.capacity();
    if (pct < 1) {
      return "<1%";
    }
    if (pct > 99 && p.issued() < p.capacity()) {
      return ">99%";
    }
    return Math.round(pct) + "%";
  }

  /** The guessing probability as people compare it with the 1 in 10,000 of EU FMD: "1 in N". */
  public String probability(PoolView p) {
    BigDecimal g = p.guessProbability();
    if (g == null || g.signum() == 0) {
      return "—";
    }
    if (g.compareTo(BigDecimal.ONE) >= 0) {
      return "1 (guessable)";
    }
    BigInteger n = BigDecimal.ONE.divide(g, 0, RoundingMode.HALF_UP).toBigInteger();
    if (n.bitLength() < 50) {
      return String.format(Locale.ROOT, "1 in %,d", n.longValueExact());
    }
    return "1 in " + String.format(Locale.ROOT, "%.1e", new BigDecimal(n)).replace("e+", " × 10^");
  }

  public String markets(PoolView p) {
    return p.markets() == null || p.markets().isBlank() ? "—" : p.markets().replace(",", ", ");
  }

  private static void inform(String sentence) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, sentence, null));
  }

  /**
   * Shows the refusal and marks the input it names as invalid, so the field is outlined and
   * announced to screen readers as the one to correct.
   */
  private static void refuse(String field, String sentence) {
    FacesContext ctx = FacesContext.getCurrentInstance();
    String clientId = null;
    String form = field == null ? null : FIELD_FORMS.get(field);
    if (form != null) {
      UIComponent c = ctx.getViewRoot().findComponent(":" + form + ":" + field);
      if (c instanceof UIInput input) {
        input.setValid(false);
        clientId = input.getClientId(ctx);
      }
    }
    ctx.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, null));
    ctx.validationFailed();
  }

  public List<SelectItem> getMarketOptions() {
    return MARKETS;
  }

  public List<String> getCharsets() {
    return List.of(SerialCharset.NUMERIC.name(), SerialCharset.CSET82.name());
  }

  /** Orders a generated pool can have; IMPORTED pools come from the import API. */
  public List<String> getOrders() {
    return List.of(SerialOrder.RANDOM.name(), SerialOrder.SEQUENTIAL.name());
  }

  public String getGtin() {
    return gtin;
  }

  public void setGtin(String gtin) {
    this.gtin = gtin;
  }

  public String getCharset() {
    return charset;
  }

  public void setCharset(String charset) {
    this.charset = charset;
  }

  public Integer getLength() {
    return length;
  }

  public void setLength(Integer length) {
    this.length = length;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public Long getCapacity() {
    return capacity;
  }

  public void setCapacity(Long capacity) {
    this.capacity = capacity;
  }

  public String[] getMarkets() {
    return markets;
  }

  public void setMarkets(String[] markets) {
    this.markets = markets == null ? new String[0] : markets;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  /** The first {@value #SHOWN_SERIALS} serials of the last allocation, or null before one. */
  public List<String> getAllocated() {
    return allocated;
  }

  public int getAllocatedCount() {
    return allocatedCount;
  }

  public long getAllocationId() {
    return allocationId;
  }
}
