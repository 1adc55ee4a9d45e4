package org.custodia.gs1;

/** Constants shared by the Digital Link renderings of the value objects. */
final class DigitalLinks {

  /** The GS1 resolver, the canonical Digital Link domain when a brand has none of its own. */
  static final String GS1_RESOLVER = "https://id.gs1.org";

  private DigitalLinks() {}
}
