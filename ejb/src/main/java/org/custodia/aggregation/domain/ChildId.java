package org.custodia.aggregation.domain;

import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;

/**
 * What a container holds: a unit (GTIN + serial) or another container (SSCC). Its {@link #key} is the GS1
 * key with its AI, {@code 01<gtin>21<serial>} or {@code 00<sscc>}, so a unit and a container never share one.
 */
public sealed interface ChildId permits ChildId.Unit, ChildId.Container {

  /** The stored key. */
  String key();

  /** How a message names it: {@code unit (01)…(21)…} or {@code case (00)…}. */
  String describe();

  /** A saleable unit. */
  record Unit(Sgtin sgtin) implements ChildId {
    @Override
    public String key() {
      return "01" + sgtin.gtin().value() + "21" + sgtin.serial().value();
    }

    @Override
    public String describe() {
      return "unit " + sgtin.toElementString();
    }
  }

  /** A case or pallet; which one is known only once it is looked up. */
  record Container(Sscc sscc) implements ChildId {
    @Override
    public String key() {
      return "00" + sscc.value();
    }

    @Override
    public String describe() {
      return "container " + sscc.toElementString();
    }

    /** With the level named, once known. */
    public String describe(ContainerLevel level) {
      return level.noun() + " " + sscc.toElementString();
    }
  }
}
