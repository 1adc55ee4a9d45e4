package org.custodia.line.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A target market's profile as far as the packaging line is concerned (MKT-1): the data elements each unit
 * must carry, and whether its serials must be randomised. Other profiles of MKT-1 (India, Brazil, China,
 * …) are added here; a work order naming a market without a profile is refused.
 *
 * <ul>
 *   <li>US (DSCSA, section 582: the product identifier): GTIN (whose NDC is embedded), serial, lot and
 *       expiry in a 2D DataMatrix; the NDC printed in human-readable form, so the product's master data
 *       must give it.
 *   <li>EU (FMD, Delegated Regulation (EU) 2016/161 art. 4): product code (the GTIN), serial, batch and
 *       expiry; serials randomised with a guessing probability below 1 in 10,000 (enforced by the serial
 *       pool the work order draws from).
 * </ul>
 */
public enum Market {
  US(List.of(DataElement.GTIN, DataElement.LOT, DataElement.EXPIRY, DataElement.SERIAL, DataElement.NDC)),
  EU(List.of(DataElement.GTIN, DataElement.LOT, DataElement.EXPIRY, DataElement.SERIAL,
      DataElement.RANDOMISED_SERIAL));

  /** A data element a market requires on each unit. */
  public enum DataElement {
    GTIN,
    LOT,
    EXPIRY,
    SERIAL,
    /** The US National Drug Code, from product master data. */
    NDC,
    /** A serial from a pool whose guessing probability is below 1 in 10,000. */
    RANDOMISED_SERIAL
  }

  private final List<DataElement> required;

  Market(List<DataElement> required) {
    this.required = required;
  }

  public List<DataElement> required() {
    return required;
  }

  public boolean requiresRandomisedSerials() {
    return required.contains(DataElement.RANDOMISED_SERIAL);
  }

  /**
   * The markets of a request, in order and without repeats; refuses an empty list and any name without a
   * profile, naming the field ({@code markets[i]}) and the value.
   */
  public static List<Market> parse(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw WorkOrderException.invalid("markets-required", "markets", null,
          "field \"markets\" must name at least one target market, one of " + List.of(values()));
    }
    Set<Market> out = new LinkedHashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      Market m = null;
      for (Market x : values()) {
        if (n != null && x.name().equals(n.trim().toUpperCase(Locale.ROOT))) {
          m = x;
        }
      }
      if (m == null) {
        throw WorkOrderException.invalid("unknown-market", "markets[" + i + "]", n,
            "field \"markets[" + i + "]\": there is no market profile \"" + n + "\"; known markets are "
                + List.of(values()));
      }
      out.add(m);
    }
    return new ArrayList<>(out);
  }

  /**
   * Refuses a product that lacks a data element this market requires from master data (the US NDC),
   * naming the market as the field at fault.
   */
  public void checkProduct(ProductFacts product, int index) {
    if (required.contains(DataElement.NDC) && (product.ndc() == null || product.ndc().isBlank())) {
      throw WorkOrderException.invalid("market-data-missing", "markets[" + index + "]", name(),
          "market " + name() + " requires the product's NDC on every unit, but the master data of GTIN "
              + product.gtin().value() + " has no NDC");
    }
  }
}
