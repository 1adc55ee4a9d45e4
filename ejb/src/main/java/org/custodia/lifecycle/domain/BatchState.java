package org.custodia.lifecycle.domain;

/**
 * The state of a whole batch (lot): its packs follow it. Expired, recalled and withdrawn make every pack
 * of the batch inactive for a batch reason, whatever the pack's own state (LIFE-2).
 */
public enum BatchState {
  RELEASED,
  EXPIRED,
  RECALLED,
  WITHDRAWN;

  /** Whether the batch's packs are inactive because of the batch. */
  public boolean blocksPacks() {
    return this != RELEASED;
  }
}
