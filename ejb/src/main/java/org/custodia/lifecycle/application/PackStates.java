package org.custodia.lifecycle.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sgln;
import org.custodia.lifecycle.domain.BatchKey;
import org.custodia.lifecycle.domain.BatchRecord;
import org.custodia.lifecycle.domain.BatchState;
import org.custodia.lifecycle.domain.PackChange;
import org.custodia.lifecycle.domain.PackKey;
import org.custodia.lifecycle.domain.PackRecord;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.lifecycle.domain.PackStateChange;
import org.custodia.lifecycle.domain.PackStateChange.Actor;
import org.custodia.lifecycle.domain.PackStateChange.Outcome;
import org.custodia.lifecycle.domain.PackStateException;
import org.custodia.lifecycle.domain.Refusal;
import org.custodia.lifecycle.infrastructure.persistence.JdbcPackStates;
import org.custodia.platform.DomainException.Kind;
import org.custodia.trace.domain.TraceKey;
import org.custodia.trace.domain.TracedObject;

/**
 * Decommissioning and undo of packs, and batch states (LIFE-1, LIFE-2), outside the container: {@link
 * PackStateService} and {@link BatchStateService} wire it to the database, the EPCIS capture queue, the
 * master data and the audit trail; unit tests to an H2 database and a fixed clock.
 *
 * <p>A request names packs by any code a trace accepts (EPC URI, Digital Link, element string) and is all
 * or nothing: every pack is judged by {@link PackStateChange} first; if one is refused nothing is written,
 * the answer lists each refused pack with its {@link Refusal} (and NMVS code) and the refusal is audited.
 * Otherwise one EPCIS ObjectEvent records the change of all the packs (business step, disposition and
 * action from {@link PackState}; read point and business location the location's SGLN), each pack's state
 * row and history row are written and each pack gets an audit record, all in the caller's transaction.
 *
 * <p>Only units (SGTIN) are decommissioned: a case or pallet code (SSCC) is refused as a whole. The EU
 * system decommissions packs one by one, and a case code would hide which packs were handed out; the
 * user scans the packs.
 *
 * <p>A pack's batch is EXPIRED when the pack's expiry date (from its commissioning event) is before the
 * request's date (UTC); RECALLED or WITHDRAWN when QA or a recall of its lot said so, whatever the date.
 */
public final class PackStates {

  /** Codes of one request at most. */
  public static final int MAX_CODES = 1000;

  /** The capture source of the events. */
  public static final String SOURCE = "lifecycle";

  /** Looks up the unit a code names in the current-state projection. */
  public interface Units {
    Optional<TracedObject> find(TraceKey key);
  }

  /** Checks party and location against the master data; throws a {@link PackStateException} if unknown. */
  public interface Directory {
    void check(Gln party, Gln location);
  }

  /** The audit trail as the rules use it. */
  public interface Audit {
    void done(String action, String objectType, String objectId, String detail);

    void refused(String action, String objectType, String objectId, String detail);
  }

  /** One pack of a request: what was given, what it named, and its outcome. */
  public record PackResult(
      String code, String epc, String gtin, String serial, String lot, PackState state, Refusal refusal,
      String detail) {

    public boolean refused() {
      return refusal != null;
    }
  }

  /**
   * The answer to a request: done (with the event and each pack's new state) or refused (nothing written;
   * the refused packs carry their refusal, the others the state they would have had).
   */
  public record Result(boolean done, String eventId, OffsetDateTime at, List<PackResult> packs) {

    public List<PackResult> refusals() {
      return packs.stream().filter(PackResult::refused).toList();
    }
  }

  /** What is known of a pack: its state, its batch's state, its last decommissioning and until when it may be undone. */
  public record PackView(
      String epc, String gtin, String serial, String lot, LocalDate expiry, String objectStatus, PackState state,
      BatchState batchState, PackChange lastDecommissioning, OffsetDateTime undoAllowedUntil, Refusal undoRefusal,
      String undoRefusalDetail, List<PackChange> history) {}

  /** What is known of a batch: its effective state, the stored one with reason, and its expiry date. */
  public record BatchView(
      String gtin, String lot, BatchState state, BatchState storedState, String reason, OffsetDateTime changedAt,
      String changedBy, LocalDate expiry, boolean known) {}

  private final JdbcPackStates store;
  private final Units units;
  private final Directory directory;
  private final Consumer<ObjectEvent> events;
  private final Audit audit;
  private final Function<String, OptionalInt> prefixLengths;
  private final Clock clock;

  public PackStates(JdbcPackStates store, Units units, Directory directory, Consumer<ObjectEvent> events,
      Audit audit, Function<String, OptionalInt> prefixLengths, Clock clock) {
    this.store = store;
    this.units = units;
    this.directory = directory;
    this.events = events;
    this.audit = audit;
    this.prefixLengths = prefixLengths;
    this.clock = clock;
  }

  /** Reads a state as the APIs name it ({@code supplied}, {@code FREE_SAMPLE}, {@code free sample}). */
  public static PackState state(String field, String value, boolean decommissionedOnly) {
    if (value == null || value.isBlank()) {
      throw new PackStateException(Kind.INVALID, "state-required", field, value,
          "field \"" + field + "\" is required: one of " + names());
    }
    try {
      PackState s = PackState.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
      if (decommissionedOnly && !s.decommissioned()) {
        throw new IllegalArgumentException();
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw new PackStateException(Kind.INVALID, "invalid-state", field, value,
          "field \"" + field + "\" must be one of " + names() + ", was \"" + value + "\"");
    }
  }

  private static String names() {
    List<String> n = new ArrayList<>();
    for (PackState s : PackState.values()) {
      if (s.decommissioned()) {
        n.add(s.name());
      }
    }
    return String.join(", ", n);
  }

  /** Decommissions the packs to {@code target} for {@code party} at {@code location}, all or nothing. */
  public Result decommission(List<String> codes, PackState target, Gln party, Gln location, String user) {
    if (target == null || !target.decommissioned()) {
      throw new PackStateException(Kind.INVALID, "invalid-state", "state", target,
          "field \"state\" must be one of " + names() + ", was \"" + target + "\"");
    }
    return change(codes, party, location, user, "pack.decommission", "decommissioning to " + target.wireName(),
        (pack, at) -> PackStateChange.decommission(pack, target), target.action(), target.bizStep(),
        target.disposition());
  }

  /** Undoes the packs' decommissioning to {@code from} for {@code party} at {@code location}, all or nothing. */
  public Result undo(List<String> codes, PackState from, Gln party, Gln location, String user) {
    if (from == null || !from.decommissioned()) {
      throw new PackStateException(Kind.INVALID, "invalid-state", "from", from,
          "field \"from\" must be one of " + names() + ", was \"" + from + "\"");
    }
    return change(codes, party, location, user, "pack.undo", "undo of " + from.wireName(),
        (pack, at) -> PackStateChange.undo(pack, from, new Actor(party.value(), location.value(), at.toInstant())),
        "OBSERVE", PackState.UNDO_BIZ_STEP, PackState.ACTIVE.disposition());
  }

  /** The rule applied to one pack at the request's time. */
  private interface Rule {
    Outcome apply(PackStateChange.Pack pack, OffsetDateTime at);
  }

  /** A code read and looked up. */
  private record Resolved(String code, TraceKey key, PackKey pack, TracedObject unit) {}

  private Result change(List<String> codes, Gln party, Gln location, String user, String action, String what,
      Rule rule, String eventAction, String bizStep, String disposition) {
    if (party == null) {
      throw new PackStateException(Kind.INVALID, "party-required", "party", null, "field \"party\" (a GLN) is required");
    }
    if (location == null) {
      throw new PackStateException(Kind.INVALID, "location-required", "location", null,
          "field \"location\" (a GLN) is required");
    }
    List<Resolved> packs = resolve(codes);
    directory.check(party, location);
    OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = at.toLocalDate();

    Map<PackKey, PackRecord> before = store.lock(packs.stream().map(Resolved::pack).toList());
    Set<BatchKey> batchKeys = new LinkedHashSet<>();
    for (Resolved r : packs) {
      if (r.unit() != null && r.unit().lot() != null) {
        batchKeys.add(new BatchKey(r.pack().gtin(), r.unit().lot()));
      }
    }
    Map<BatchKey, BatchRecord> batches = store.batches(batchKeys);

    List<PackResult> results = new ArrayList<>();
    List<PackRecord> changed = new ArrayList<>();
    String eventId = "urn:uuid:" + UUID.randomUUID();
    boolean refused = false;
    for (Resolved r : packs) {
      String epc = r.unit() != null ? r.unit().epc() : r.key().candidates().get(0);
      String lot = r.unit() == null ? null : r.unit().lot();
      if (r.unit() == null) {
        refused = true;
        results.add(new PackResult(r.code(), epc, r.pack().gtin(), r.pack().serial(), null, null,
            Refusal.UNKNOWN_PACK, Refusal.UNKNOWN_PACK.describe(r.pack().gtin() + " " + r.pack().serial())));
        continue;
      }
      PackRecord current = before.get(r.pack());
      PackState state = current == null ? PackState.fromRepositoryStatus(r.unit().status()) : current.state();
      BatchState batch = batchState(batches.get(new BatchKey(r.pack().gtin(), lot)), r.unit().expiry(), today);
      Outcome o = rule.apply(new PackStateChange.Pack(state, current == null ? null : current.actor(), batch), at);
      if (!o.allowed()) {
        refused = true;
        results.add(new PackResult(r.code(), epc, r.pack().gtin(), r.pack().serial(), lot, state, o.refusal(),
            o.detail()));
      } else {
        results.add(new PackResult(r.code(), epc, r.pack().gtin(), r.pack().serial(), lot, o.state(), null, null));
        changed.add(new PackRecord(r.pack().gtin(), r.pack().serial(), epc, o.state(), party.value(),
            location.value(), at, user, eventId));
      }
    }
    if (refused) {
      List<PackResult> refusals = results.stream().filter(PackResult::refused).toList();
      StringBuilder detail = new StringBuilder(what + " for party " + party.value() + " at " + location.value()
          + " refused for " + refusals.size() + " of " + results.size() + " packs, nothing changed:");
      for (PackResult p : refusals) {
        detail.append(' ').append(p.epc()).append(' ').append(p.refusal().nmvsCode()).append(' ')
            .append(p.refusal().name()).append(" (").append(p.detail()).append(");");
      }
      audit.refused(action, "Pack", refusals.size() == 1 ? refusals.get(0).epc() : null, cut(detail.toString()));
      return new Result(false, null, at, results);
    }
    String sgln = sgln(location);
    events.accept(new ObjectEvent(eventId, at, changed.stream().map(PackRecord::epc).toList(), eventAction, bizStep,
        disposition, sgln, sgln, Map.of()));
    store.save(changed, before);
    for (PackRecord p : changed) {
      audit.done(action, "Pack", p.epc(), what + " for party " + party.value() + " at " + location.value()
          + ": now " + p.state().wireName() + ", event " + eventId);
    }
    return new Result(true, eventId, at, results);
  }

  private List<Resolved> resolve(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw new PackStateException(Kind.INVALID, "codes-required", "codes", null,
          "field \"codes\" needs at least one pack code");
    }
    if (codes.size() > MAX_CODES) {
      throw new PackStateException(Kind.TOO_LARGE, "too-many-codes", "codes", codes.size(),
          "field \"codes\" names " + codes.size() + " packs; at most " + MAX_CODES + " per request");
    }
    List<Resolved> out = new ArrayList<>();
    Map<PackKey, String> seen = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      TraceKey key = key("codes[" + i + "]", code);
      PackKey pack = new PackKey(key.gtin(), key.serial());
      String earlier = seen.putIfAbsent(pack, code);
      if (earlier != null) {
        throw new PackStateException(Kind.INVALID, "duplicate-code", "codes[" + i + "]", code,
            "\"" + code + "\" names the same pack as \"" + earlier + "\"; give each pack once");
      }
      out.add(new Resolved(code, key, pack, units.find(key).orElse(null)));
    }
    return out;
  }

  private TraceKey key(String field, String code) {
    TraceKey key;
    try {
      key = TraceKey.read(code, prefixLengths);
    } catch (Gs1Exception e) {
      throw new PackStateException(Kind.INVALID, "invalid-code", field, code,
          "field \"" + field + "\": \"" + code + "\" is no valid pack code: " + e.getMessage());
    }
    if (key.container()) {
      throw new PackStateException(Kind.INVALID, "container-code", field, code,
          "field \"" + field + "\": \"" + code + "\" names a case or pallet (SSCC); packs are decommissioned one"
              + " by one, so scan the packs inside it");
    }
    return key;
  }

  /** The batch state a pack is judged with: the stored one if it blocks, else expired by date, else released. */
  static BatchState batchState(BatchRecord stored, LocalDate expiry, LocalDate today) {
    if (stored != null && stored.state().blocksPacks()) {
      return stored.state();
    }
    if (expiry != null && expiry.isBefore(today)) {
      return BatchState.EXPIRED;
    }
    return BatchState.RELEASED;
  }

  /** The pack a code names, with its state, batch state, last decommissioning and undo deadline. */
  public PackView view(String code) {
    TraceKey key = key("code", code);
    TracedObject unit = units.find(key).orElseThrow(() -> new PackStateException(Kind.NOT_FOUND, "unknown-pack",
        "code", code, "no pack \"" + code + "\" is known to the repository"));
    PackKey pack = new PackKey(key.gtin(), key.serial());
    PackRecord current = store.find(List.of(pack)).get(pack);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    BatchRecord stored = unit.lot() == null ? null : store.batch(new BatchKey(pack.gtin(), unit.lot())).orElse(null);
    BatchState batch = batchState(stored, unit.expiry(), now.toLocalDate());
    PackState state = current == null ? PackState.fromRepositoryStatus(unit.status()) : current.state();
    List<PackChange> history = store.history(pack.gtin(), pack.serial());
    PackChange last = null;
    for (PackChange c : history) {
      if (c.to().decommissioned()) {
        last = c;
      }
    }
    OffsetDateTime until = null;
    Refusal undoRefusal = null;
    String undoDetail = null;
    if (current != null && state.decommissioned()) {
      Actor self = new Actor(current.partyGln(), current.locationGln(), now.toInstant());
      Outcome o = PackStateChange.undo(new PackStateChange.Pack(state, current.actor(), batch), state, self);
      if (o.allowed()) {
        until = current.changedAt().plus(PackStateChange.UNDO_WINDOW);
      } else {
        undoRefusal = o.refusal();
        undoDetail = o.detail();
      }
    }
    return new PackView(unit.epc(), pack.gtin(), pack.serial(), unit.lot(), unit.expiry(), unit.status(), state,
        batch, last, until, undoRefusal, undoDetail, history);
  }

  /** A batch's effective and stored state. */
  public BatchView batch(String gtin, String lot) {
    BatchKey key = new BatchKey(gtin, lot);
    Optional<BatchRecord> stored = store.batch(key);
    LocalDate expiry = store.expiryOf(key).orElse(null);
    LocalDate today = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    BatchState state = batchState(stored.orElse(null), expiry, today);
    return new BatchView(gtin, lot, state, stored.map(BatchRecord::state).orElse(BatchState.RELEASED),
        stored.map(BatchRecord::reason).orElse(null), stored.map(BatchRecord::changedAt).orElse(null),
        stored.map(BatchRecord::changedBy).orElse(null), expiry, stored.isPresent() || store.known(key));
  }

  /**
   * Sets a batch RECALLED or WITHDRAWN, or RELEASED again (lifts the block), with the reason; audited.
   * EXPIRED cannot be set: it follows from the expiry date.
   */
  public BatchView setBatch(String gtin, String lot, BatchState state, String reason, String user) {
    if (state == null || state == BatchState.EXPIRED) {
      throw new PackStateException(Kind.INVALID, "invalid-batch-state", "state", state,
          "field \"state\" must be RELEASED, RECALLED or WITHDRAWN (EXPIRED follows from the expiry date), was \""
              + state + "\"");
    }
    if (reason == null || reason.isBlank()) {
      throw new PackStateException(Kind.INVALID, "reason-required", "reason", reason,
          "field \"reason\" is required: say why the batch is " + state.name().toLowerCase(Locale.ROOT));
    }
    if (reason.strip().length() > 1000) {
      throw new PackStateException(Kind.INVALID, "reason-too-long", "reason", reason.length(),
          "field \"reason\" has at most 1000 characters, had " + reason.strip().length());
    }
    BatchKey key = new BatchKey(gtin, lot);
    BatchState before = store.batch(key).map(BatchRecord::state).orElse(BatchState.RELEASED);
    OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    store.saveBatch(new BatchRecord(gtin, lot, state, reason.strip(), at, user));
    audit.done("batch.state", "Batch", gtin + " " + lot,
        before.name() + " -> " + state.name() + ", reason: " + reason.strip());
    return batch(gtin, lot);
  }

  private String sgln(Gln location) {
    int len = prefixLengths.apply(location.value()).orElse(-1);
    return len > 0 ? Sgln.of(location).toEpcUri(len) : Sgln.of(location).toDigitalLink();
  }

  private static String cut(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 3990) + " …";
  }
}
