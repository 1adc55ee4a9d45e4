package org.custodia.lifecycle.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules of LIFE-2 for changing one pack's state: decommissioning an active pack for a reason, and
 * undoing a decommissioning, which is allowed only within 10 days, by the same party at the same location,
 * never from destroyed or stolen and never while the batch is expired, recalled or withdrawn.
 *
 * <p>Pure: given the pack's current state, its last decommissioning and its batch, it answers the new
 * state or the refusal; the caller records the EPCIS event and the audit record.
 */
public final class PackStateChange {

  /** How long a decommissioning may be undone. */
  public static final Duration UNDO_WINDOW = Duration.ofDays(10);

  /** Who changed a pack's state, where and when. */
  public record Actor(String partyGln, String locationGln, Instant at) {
    public Actor {
      Objects.requireNonNull(partyGln, "partyGln");
      Objects.requireNonNull(locationGln, "locationGln");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A pack as the rules need it: its state, the last decommissioning (null while active), its batch. */
  public record Pack(PackState state, Actor decommissionedBy, BatchState batch) {
    public Pack {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(batch, "batch");
    }
  }

  /** The answer: the new state, or a refusal with its sentence. */
  public record Outcome(PackState state, Refusal refusal, String detail) {
    static Outcome to(PackState state) {
      return new Outcome(state, null, null);
    }

    static Outcome refused(Refusal refusal, Object... args) {
      return new Outcome(null, refusal, refusal.describe(args));
    }

    public boolean allowed() {
      return refusal == null;
    }
  }

  private PackStateChange() {}

  /** Decommissions an active pack to {@code target}. */
  public static Outcome decommission(Pack pack, PackState target) {
    if (!target.decommissioned()) {
      throw new IllegalArgumentException("decommissioning needs a decommissioned state, not " + target);
    }
    if (pack.state() == target) {
      return Outcome.refused(Refusal.STATUS_ALREADY_SET, name(target));
    }
    if (pack.state().decommissioned()) {
      return Outcome.refused(Refusal.PACK_INACTIVE, name(pack.state()));
    }
    // a pack of a blocked batch may still be destroyed, exported, locked, sampled or reported stolen,
    // but it must not reach a patient
    if (pack.batch().blocksPacks() && target == PackState.SUPPLIED) {
      return Outcome.refused(Refusal.BATCH_BLOCKED, name(pack.batch()));
    }
    return Outcome.to(target);
  }

  /** Undoes the decommissioning to {@code from} that the pack is in, as {@code by}. */
  public static Outcome undo(Pack pack, PackState from, Actor by) {
    if (pack.state() != from) {
      return Outcome.refused(Refusal.UNDO_STATUS_MISMATCH, name(from), name(pack.state()));
    }
    if (!from.undoable()) {
      return Outcome.refused(Refusal.UNDO_FINAL_STATE, name(from));
    }
    if (pack.batch().blocksPacks()) {
      return Outcome.refused(Refusal.BATCH_BLOCKED, name(pack.batch()));
    }
    Actor done = pack.decommissionedBy();
    if (done == null) {
      // decommissioned by an event from outside (no party and location recorded here): nobody here may undo it
      return Outcome.refused(Refusal.UNDO_OTHER_PARTY, "an event captured from outside", "its location");
    }
    if (!done.partyGln().equals(by.partyGln()) || !done.locationGln().equals(by.locationGln())) {
      return Outcome.refused(Refusal.UNDO_OTHER_PARTY, done.partyGln(), done.locationGln());
    }
    Duration since = Duration.between(done.at(), by.at());
    if (since.compareTo(UNDO_WINDOW) > 0) {
      return Outcome.refused(Refusal.UNDO_TOO_LATE, since.toDays() + " days");
    }
    return Outcome.to(PackState.ACTIVE);
  }

  private static String name(Enum<?> state) {
    return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
