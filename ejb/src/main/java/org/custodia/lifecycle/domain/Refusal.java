package org.custodia.lifecycle.domain;

/**
 * Why a pack state change was refused, with the return code of the EU national systems (NMVS) that means
 * the same, so staff who know those codes recognise them.
 */
public enum Refusal {
  /** No unit with this GTIN and serial was ever commissioned (the repository does not know it). */
  UNKNOWN_PACK("NMVS_NC_PC_02", "the pack is not known: no unit %s was ever commissioned"),
  /** The pack is already inactive: a decommissioned pack cannot be decommissioned again. */
  PACK_INACTIVE("NMVS_NC_PCK_22", "the pack is already inactive (%s)"),
  /** The pack already has the state asked for. */
  STATUS_ALREADY_SET("NMVS_NC_PCK_19", "the pack is already %s"),
  /** An undo that does not match the pack's current state. */
  UNDO_STATUS_MISMATCH("NMVS_NC_PCK_06", "the undo is for %s, but the pack is %s"),
  /** More than 10 days since the decommissioning. */
  UNDO_TOO_LATE("NMVS_NC_PCK_20", "the pack was decommissioned %s ago; an undo is allowed within 10 days"),
  /** Another party or another location than the one that decommissioned the pack. */
  UNDO_OTHER_PARTY("NMVS_NC_PCK_21", "the pack was decommissioned by %s at %s; only they may undo it"),
  /** Destroyed and stolen are final. */
  UNDO_FINAL_STATE("NMVS_NC_PCK_22", "a pack that is %s cannot be made active again"),
  /** Expired, recalled or withdrawn batch: its packs cannot be made active or be decommissioned as supplied. */
  BATCH_BLOCKED("NMVS_NC_PCK_22", "the pack's batch is %s");

  private final String nmvsCode;
  private final String template;

  Refusal(String nmvsCode, String template) {
    this.nmvsCode = nmvsCode;
    this.template = template;
  }

  /** The NMVS return code of the same refusal. */
  public String nmvsCode() {
    return nmvsCode;
  }

  /** The sentence for a problem document, filled with {@code args}. */
  public String describe(Object... args) {
    return String.format(template, args);
  }
}
