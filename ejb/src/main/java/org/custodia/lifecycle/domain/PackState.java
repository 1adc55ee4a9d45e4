package org.custodia.lifecycle.domain;

/**
 * The state of one pack with the EU FMD semantics (LIFE-2): active, or decommissioned for one of the
 * reasons the EU system knows, each with the CBV business step and disposition of the EPCIS event that
 * records it.
 */
public enum PackState {
  /** In the supply chain, may be sold or dispensed. */
  ACTIVE("commissioning", "active"),
  /** Supplied to the patient (dispensed). */
  SUPPLIED("dispensing", "dispensed"),
  /** Destroyed; final. */
  DESTROYED("destroying", "destroyed"),
  /** Reported stolen; final. */
  STOLEN("removing", "stolen"),
  /** Taken as a sample by an authority. */
  SAMPLE("sampling", "non_sellable_other"),
  /** Handed out as a free sample. */
  FREE_SAMPLE("sampling", "non_sellable_other"),
  /** Locked (held, e.g. under investigation). */
  LOCKED("holding", "non_sellable_other"),
  /** Exported out of the market. */
  EXPORTED("departing", "in_transit"),
  /** Checked out (handed to a facility outside the system, e.g. a hospital ward). */
  CHECKED_OUT("departing", "non_sellable_other");

  /**
   * The CBV business step of the event that undoes a decommissioning. The CBV has no step for "put back
   * into the supply chain"; {@code inspecting} (reviewing objects for defects) is the nearest: the pack was
   * checked and found fit to return to saleable stock. The event's disposition is {@code active}.
   */
  public static final String UNDO_BIZ_STEP = "inspecting";

  private final String bizStep;
  private final String disposition;

  PackState(String bizStep, String disposition) {
    this.bizStep = bizStep;
    this.disposition = disposition;
  }

  /** Whether the pack has left the active supply chain. */
  public boolean decommissioned() {
    return this != ACTIVE;
  }

  /** Whether a decommissioning to this state may ever be undone (never from destroyed or stolen). */
  public boolean undoable() {
    return this != DESTROYED && this != STOLEN && this != ACTIVE;
  }

  /** The CBV business step of the event that sets this state. */
  public String bizStep() {
    return bizStep;
  }

  /**
   * The EPCIS action of the event that sets this state: {@code DELETE} for destroyed (the pack ceases to
   * exist and its EPC is never used again), {@code OBSERVE} for the others (the pack still exists and most of
   * these decommissionings can be undone).
   */
  public String action() {
    return this == DESTROYED ? "DELETE" : "OBSERVE";
  }

  /**
   * The state of a pack Custodia holds no decommissioning of, read from the repository's current status (the
   * CBV disposition of its last event): a pack an event from outside Custodia (a partner's capture) left
   * dispensed, destroyed, disposed of, stolen or exported is not active, whatever nobody recorded here.
   */
  public static PackState fromRepositoryStatus(String status) {
    if (status == null) {
      return ACTIVE;
    }
    return switch (status) {
      case "dispensed", "partially_dispensed", "retail_sold" -> SUPPLIED;
      // an EPC decommissioned by a DELETE event is out of use for good: final, as destroyed
      case "destroyed", "disposed", "decommissioned" -> DESTROYED;
      case "stolen" -> STOLEN;
      case "exported" -> EXPORTED;
      default -> ACTIVE;
    };
  }

  /** The state as people and the APIs name it: lower case, {@code free_sample}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The CBV disposition the state leaves the pack in. */
  public String disposition() {
    return disposition;
  }
}
