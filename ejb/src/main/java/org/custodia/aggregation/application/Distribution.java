package org.custodia.aggregation.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.custodia.aggregation.domain.Addition;
import org.custodia.aggregation.domain.AggregationException;
import org.custodia.aggregation.domain.AggregationRepository;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ChildState;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.ContainerState;
import org.custodia.aggregation.domain.DistributionRules;
import org.custodia.aggregation.domain.LinkRecord;
import org.custodia.aggregation.domain.PackingPolicy;
import org.custodia.aggregation.domain.Removal;
import org.custodia.aggregation.domain.TakenOver;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;

/**
 * Changing cases and pallets at a distribution point (AGG-2): open one and take everything out, take some
 * children out, replace a damaged child, pack children into a new container with an SSCC from the site's
 * pool, or into one that exists. Each change passes {@link DistributionRules} (AGG-3) whole or not at all,
 * is recorded in the containment tables (ended links kept in the history) and sent as EPCIS
 * AggregationEvents — DELETE with business step {@code unpacking}, ADD with {@code packing} — whose read
 * point and business location are the site's SGLN; a replaced child said to be damaged also gets an
 * ObjectEvent with disposition {@code damaged}. Free of the container, like {@link Aggregation}; {@link
 * DistributionService} wires it inside the server, in the caller's transaction.
 *
 * <p>A case or pallet another party made (a supplier's pallet received here) is known only from its
 * AggregationEvents in the EPCIS repository; the first request that names it takes it over into the
 * containment tables ({@link AggregationRepository#takeOver}), and its events then name it by the EPC the
 * supplier's did.
 */
public class Distribution {

  /** The largest number of children one request names. */
  public static final int MAX_CHILDREN = 10_000;

  /** Where the events go: the EPCIS capture queue, in the caller's transaction, in the order given. */
  public interface Events {
    void aggregations(List<AggregationEvent> events);

    void objects(List<ObjectEvent> events);
  }

  /** The master data: whether a GLN is a known location. */
  public interface Sites {
    boolean known(Gln gln);
  }

  /** What a change did: the container, its EPC, the events sent and how many children moved. */
  public record Changed(String sscc, String epc, List<String> eventIds, int children)
      implements java.io.Serializable {}

  /** A child of a container as shown. */
  public record ChildView(String code, String epc, String level, String status, String gtin, String lot)
      implements java.io.Serializable {}

  /** A container as shown: what it is, where it is, what it holds and held. */
  public record ContainerView(String sscc, String epc, ContainerLevel level, String status, String objectStatus,
      String gtin, String lot, String parent, List<ChildView> children, List<LinkRecord> history)
      implements java.io.Serializable {}

  private final AggregationRepository repository;
  private final DistributionRules rules;
  private final Events events;
  private final Aggregation.Audit audit;
  private final Aggregation.PrefixLengths prefixes;
  private final Sites sites;
  private final Clock clock;

  public Distribution(AggregationRepository repository, PackingPolicy policy, Events events,
      Aggregation.Audit audit, Aggregation.PrefixLengths prefixes, Sites sites, Clock clock) {
    this.repository = repository;
    this.rules = new DistributionRules(policy);
    this.events = events;
    this.audit = audit;
    this.prefixes = prefixes;
    this.sites = sites;
    this.clock = clock;
  }

  /** Opens the container and takes every child out: one AggregationEvent DELETE naming them all. */
  public Changed unpack(Sscc sscc, Gln site) {
    String location = location(site);
    ContainerState target = state(sscc);
    rules.unpack(target);
    List<ChildState> children = repository.children(target.children(), true);
    return take(target, children, site, location, "UNPACK", null, "unpacked");
  }

  /** Takes the named children out (partial removal): one AggregationEvent DELETE naming them. */
  public Changed remove(Sscc sscc, List<ChildId> childIds, Gln site) {
    String location = location(site);
    ContainerState target = state(sscc);
    List<ChildState> children = states(limit(childIds, "children"));
    rules.remove(target, children);
    return take(target, children, site, location, "REMOVE", null, "opened, children taken out");
  }

  /**
   * Takes {@code old} out and puts {@code replacement} in its place, for {@code reason}: a DELETE, then an
   * ADD, and when {@code damaged} an ObjectEvent recording the old child as damaged (no longer active).
   */
  public Changed replace(Sscc sscc, ChildId old, ChildId replacement, String reason, boolean damaged, Gln site) {
    Objects.requireNonNull(old, "old");
    Objects.requireNonNull(replacement, "replacement");
    String location = location(site);
    ContainerState target = state(sscc);
    List<ChildState> two = states(List.of(old, replacement));
    rules.replace(target, two.get(0), two.get(1), reason);
    OffsetDateTime t = now();
    String out = eventId();
    String in = eventId();
    repository.remove(new Removal(sscc, List.of(two.get(0)), t, out, "REPLACE", site.value(), reason.strip()));
    repository.add(new Addition(sscc, List.of(two.get(1)), t.plusNanos(1_000_000), in, site.value()), null, null);
    String parent = epcOf(target);
    events.aggregations(List.of(
        new AggregationEvent(out, t, parent, List.of(prefixes.epcOf(two.get(0))), "DELETE", "unpacking", null, location,
            location),
        new AggregationEvent(in, t.plusNanos(1_000_000), parent, List.of(prefixes.epcOf(two.get(1))), "ADD", "packing",
            "in_progress", location, location)));
    List<String> ids = new ArrayList<>(List.of(out, in));
    if (damaged) {
      String mark = eventId();
      events.objects(List.of(new ObjectEvent(mark, t, List.of(prefixes.epcOf(two.get(0))), "OBSERVE", "inspecting",
          "damaged", location, location, Map.of())));
      ids.add(mark);
    }
    audit.done("aggregation.replace", "SSCC", sscc.value(), target.describe() + " at GLN " + site.value() + ": "
        + two.get(0).describe() + " replaced by " + two.get(1).describe() + " (" + reason.strip() + ")"
        + (damaged ? ", the old one marked damaged" : "") + ", events " + ids);
    return new Changed(sscc.value(), parent, ids, 1);
  }

  /**
   * Packs the children into a new case or pallet whose SSCC comes from the pool of the site's company
   * prefix: one AggregationEvent ADD. The container holds their GTIN and lot when they share one.
   */
  public Changed pack(ContainerLevel level, List<ChildId> childIds, Gln site) {
    if (level == null) {
      throw new AggregationException(Kind.INVALID, "level-required", "level", null,
          "say whether the new container is a CASE or a PALLET");
    }
    String location = location(site);
    List<ChildState> children = states(limit(childIds, "children"));
    rules.pack(level, children);
    OffsetDateTime t = now();
    Sscc sscc = repository.allocateAt(site, level, t);
    String gtin = shared(children.stream().map(ChildState::gtin).toList());
    String lot = shared(children.stream().map(ChildState::lot).toList());
    return put(sscc, prefixes.epcOf(sscc), "pack", level.noun() + " " + sscc.toElementString() + " packed", children,
        site, location, gtin, lot);
  }

  /** Puts the children into a container that exists: one AggregationEvent ADD. */
  public Changed add(Sscc sscc, List<ChildId> childIds, Gln site) {
    String location = location(site);
    ContainerState target = state(sscc);
    List<ChildState> children = states(limit(childIds, "children"));
    rules.add(target, children);
    return put(sscc, epcOf(target), "add", target.describe() + " refilled", children, site, location, null, null);
  }

  /** The container, its children now and every containment it had. */
  public ContainerView container(Sscc sscc) {
    ContainerState c = state(sscc);
    if (!c.recorded()) {
      throw new AggregationException(Kind.NOT_FOUND, "unknown-sscc", "sscc", sscc.value(),
          "there is no case or pallet with SSCC " + sscc.value());
    }
    List<ChildView> children = new ArrayList<>();
    for (ChildState s : states(c.children())) {
      String code = s.id() instanceof ChildId.Unit u ? u.sgtin().toElementString()
          : ((ChildId.Container) s.id()).sscc().toElementString();
      children.add(new ChildView(code, prefixes.epcOf(s), s.level() == null ? "UNIT" : s.level().name(), s.status(),
          s.gtin(), s.lot()));
    }
    return new ContainerView(sscc.value(), epcOf(c), c.level(), c.status(), c.objectStatus(), c.gtin(),
        c.lot(), c.ancestors().isEmpty() ? null : c.ancestors().get(0), children, repository.history(sscc));
  }

  private Changed take(ContainerState target, List<ChildState> children, Gln site, String location,
      String operation, String reason, String verb) {
    OffsetDateTime t = now();
    String id = eventId();
    repository.remove(new Removal(target.sscc(), children, t, id, operation, site.value(), reason));
    String parent = epcOf(target);
    events.aggregations(List.of(new AggregationEvent(id, t, parent, children.stream().map(prefixes::epcOf).toList(),
        "DELETE", "unpacking", null, location, location)));
    audit.done("aggregation." + operation.toLowerCase(java.util.Locale.ROOT), "SSCC", target.sscc().value(),
        target.describe() + " " + verb + " at GLN " + site.value() + ": " + children.size() + " children ("
            + children.stream().map(ChildState::describe).toList() + "), event " + id);
    return new Changed(target.sscc().value(), parent, List.of(id), children.size());
  }

  private Changed put(Sscc sscc, String parent, String action, String what, List<ChildState> children, Gln site,
      String location, String gtin, String lot) {
    OffsetDateTime t = now();
    String id = eventId();
    repository.add(new Addition(sscc, children, t, id, site.value()), gtin, lot);
    events.aggregations(List.of(new AggregationEvent(id, t, parent, children.stream().map(prefixes::epcOf).toList(),
        "ADD", "packing", "in_progress", location, location)));
    audit.done("aggregation." + action, "SSCC", sscc.value(), what + " at GLN " + site.value() + " with "
        + children.size() + " children (" + children.stream().map(ChildState::describe).toList() + "), event " + id);
    return new Changed(sscc.value(), parent, List.of(id), children.size());
  }

  /**
   * The container with its state in the repository. One made by another party, which the repository alone
   * knows (its AggregationEvents), is taken over into the containment tables first, in this transaction.
   */
  private ContainerState state(Sscc sscc) {
    Objects.requireNonNull(sscc, "sscc");
    ContainerState c = repository.container(sscc);
    if (!c.recorded()) {
      if (!takeOver(sscc)) {
        return c;
      }
      c = repository.container(sscc);
    }
    String epc = epcOf(c);
    return c.withObjectStatus(repository.objectStatus(List.of(epc)).get(epc));
  }

  /** Takes over a container the repository alone knows, audited; false when it knows no contents of it. */
  private boolean takeOver(Sscc sscc) {
    Optional<TakenOver> taken = repository.takeOver(sscc, now());
    taken.ifPresent(t -> audit.done("aggregation.take-over", "SSCC", sscc.value(), "taken over from the EPCIS"
        + " repository's state: " + t.ssccs().stream().map(x -> "(00)" + x).toList() + " with " + t.links() + " links"));
    return taken.isPresent();
  }

  /** The container's EPC: the one its events name it by when taken over, else by the registered prefixes. */
  private String epcOf(ContainerState c) {
    return c.epc() != null ? c.epc() : prefixes.epcOf(c.sscc());
  }

  /**
   * The children as recorded (a supplier's case named as a child taken over first, as in {@link #state}); a
   * case with its state in the repository as its status.
   */
  private List<ChildState> states(List<ChildId> ids) {
    List<ChildState> found = repository.children(ids, true);
    boolean tookOver = false;
    for (ChildState s : found) {
      if (s.id() instanceof ChildId.Container k && !s.recorded()) {
        tookOver |= takeOver(k.sscc());
      }
    }
    if (tookOver) {
      found = repository.children(ids, true);
    }
    List<String> caseEpcs =
        found.stream().filter(s -> s.id() instanceof ChildId.Container).map(prefixes::epcOf).toList();
    if (caseEpcs.isEmpty()) {
      return found;
    }
    Map<String, String> status = repository.objectStatus(caseEpcs);
    List<ChildState> out = new ArrayList<>(found.size());
    for (ChildState s : found) {
      out.add(s.id() instanceof ChildId.Container ? new ChildState(s.id(), s.recorded(), status.get(prefixes.epcOf(s)),
          s.level(), s.packed(), s.gtin(), s.lot(), s.parent(), s.epc()) : s);
    }
    return out;
  }

  private static List<ChildId> limit(List<ChildId> ids, String field) {
    if (ids == null || ids.isEmpty()) {
      throw new AggregationException(Kind.INVALID, "no-children", field, null, "name at least one child");
    }
    if (ids.size() > MAX_CHILDREN) {
      throw new AggregationException(Kind.TOO_LARGE, "too-many-children", field, ids.size(),
          "one request names at most " + MAX_CHILDREN + " children, not " + ids.size());
    }
    return ids;
  }

  /** The site's SGLN as EPC URI (Digital Link when its prefix is not registered); refused unless known. */
  private String location(Gln site) {
    if (site == null) {
      throw new AggregationException(Kind.INVALID, "location-required", "location", null,
          "give the GLN of the distribution point where the change is made");
    }
    if (!sites.known(site)) {
      throw new AggregationException(Kind.INVALID, "unknown-location", "location", site.value(),
          "GLN " + site.value() + " is not a location in the master data");
    }
    OptionalInt len = prefixes.lengthFor(site.value());
    return len.isPresent() ? Sgln.of(site).toEpcUri(len.getAsInt()) : Sgln.of(site).toDigitalLink();
  }

  private static String shared(List<String> values) {
    String first = values.isEmpty() ? null : values.get(0);
    return values.stream().allMatch(v -> Objects.equals(v, first)) ? first : null;
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  private static String eventId() {
    return "urn:uuid:" + UUID.randomUUID();
  }
}
