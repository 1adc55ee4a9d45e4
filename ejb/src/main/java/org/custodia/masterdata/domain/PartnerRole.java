package org.custodia.masterdata.domain;

import java.util.Locale;

/**
 * What a trading partner is to us in the supply chain (DSCSA trading partner kinds). The wire name of
 * {@link #THIRD_PARTY_LOGISTICS} is {@code 3PL}.
 */
public enum PartnerRole {
  MANUFACTURER("MANUFACTURER"),
  REPACKAGER("REPACKAGER"),
  WHOLESALER("WHOLESALER"),
  PHARMACY("PHARMACY"),
  DISPENSER("DISPENSER"),
  THIRD_PARTY_LOGISTICS("3PL");

  private final String wireName;

  PartnerRole(String wireName) {
    this.wireName = wireName;
  }

  /** The name in APIs and in the database. */
  public String wireName() {
    return wireName;
  }

  /** The role of a wire name (case-insensitive; the enum constant name is accepted too). */
  public static PartnerRole of(String name) {
    if (name != null) {
      String n = name.strip().toUpperCase(Locale.ROOT);
      for (PartnerRole r : values()) {
        if (r.wireName.equals(n) || r.name().equals(n)) {
          return r;
        }
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (PartnerRole r : values()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(r.wireName);
    }
    throw MasterDataException.invalid("roles", name,
        "field \"roles\" must hold only " + allowed + ", was \"" + name + "\"");
  }
}
