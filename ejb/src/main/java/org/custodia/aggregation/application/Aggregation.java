package org.custodia.aggregation.application;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.custodia.aggregation.domain.AggregationException;
import org.custodia.aggregation.domain.AggregationRepository;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ChildState;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.Content;
import org.custodia.aggregation.domain.OrderFacts;
import org.custodia.aggregation.domain.PackedContainer;
import org.custodia.aggregation.domain.PackingPolicy;
import org.custodia.aggregation.domain.PackingRequest;
import org.custodia.aggregation.domain.PackingRules;
import org.custodia.aggregation.domain.ParentState;
import org.custodia.aggregation.domain.Refusal;
import org.custodia.aggregation.domain.RefusedException;
import org.custodia.aggregation.domain.ScannedCodes;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;

/**
 * The aggregation use cases, free of the container so unit tests run them on the migrated database:
 * SSCC allocation, packing a case or pallet (AGG-3) with its AggregationEvent, counts, and the contents of a
 * container at any depth (AGG-1). {@link AggregationService} wires it inside the server.
 */
public class Aggregation {

  /** Largest number of SSCCs one allocation hands out. */
  public static final int MAX_ALLOCATION = 10_000;

  /** Where AggregationEvents go: the EPCIS capture queue, in the caller's transaction. */
  public interface Events {
    void send(AggregationEvent event);
  }

  /** The audit trail: actions done (caller's transaction) and refusals. */
  public interface Audit {
    void done(String action, String objectType, String objectId, String detail);

    void refused(String action, String objectType, String objectId, String detail);
  }

  /** The company prefix length of a GS1 key without its indicator or extension digit, when known. */
  public interface PrefixLengths {
    OptionalInt lengthFor(String keyDigits);

    /**
     * A child's EPC: the one it was recorded with (a unit as commissioned, a container taken over from
     * another party's events), else its SSCC's or SGTIN's.
     */
    default String epcOf(ChildState child) {
      if (child.epc() != null) {
        return child.epc();
      }
      if (child.id() instanceof ChildId.Container k) {
        return epcOf(k.sscc());
      }
      ChildId.Unit u = (ChildId.Unit) child.id();
      OptionalInt len = lengthFor(u.sgtin().gtin().value().substring(1));
      return len.isPresent() ? u.sgtin().toEpcUri(len.getAsInt()) : u.sgtin().toDigitalLink();
    }

    /** An SSCC's EPC URI when its company prefix is known, else its Digital Link. */
    default String epcOf(Sscc sscc) {
      OptionalInt len = lengthFor(sscc.value().substring(1));
      return len.isPresent() && len.getAsInt() >= 6 ? sscc.toEpcUri(len.getAsInt()) : sscc.toDigitalLink();
    }
  }

  /** A station's report judged; see {@code LineAggregation.Packed}. */
  public record PackOutcome(boolean accepted, String parentSscc, int children, String reason) {}

  private final AggregationRepository repository;
  private final PackingRules rules;
  private final Events events;
  private final Audit audit;
  private final PrefixLengths prefixes;
  private final String location;
  private final Clock clock;

  /**
   * @param site the GLN of the packing site, the read point and business location of the events
   */
  public Aggregation(AggregationRepository repository, PackingPolicy policy, Events events, Audit audit,
      PrefixLengths prefixes, Gln site, Clock clock) {
    this.repository = repository;
    this.rules = new PackingRules(policy);
    this.events = events;
    this.audit = audit;
    this.prefixes = prefixes;
    this.clock = clock;
    OptionalInt len = prefixes.lengthFor(site.value());
    this.location = len.isPresent() ? Sgln.of(site).toEpcUri(len.getAsInt()) : Sgln.of(site).toDigitalLink();
  }

  /**
   * Allocates {@code count} SSCCs (1 to {@value #MAX_ALLOCATION}) of the pool of the work order's GTIN company
   * prefix for containers of {@code level}; they are recorded as allocated to the order.
   */
  public List<String> allocate(long workOrderId, ContainerLevel level, int count) {
    Objects.requireNonNull(level, "level");
    if (count < 1 || count > MAX_ALLOCATION) {
      throw new AggregationException(Kind.INVALID, "bad-count", "count", count,
          "the number of SSCCs to allocate must be 1 to " + MAX_ALLOCATION + ", not " + count);
    }
    OrderFacts order = order(workOrderId);
    List<Sscc> ssccs = repository.allocate(order, level, count, OffsetDateTime.now(clock));
    return ssccs.stream().map(Sscc::value).toList();
  }

  /**
   * Judges and records a closed case or pallet; see {@code LineAggregation.packed}. A refusal records
   * nothing; it is audited and returned with its reason.
   */
  public PackOutcome packed(String line, long workOrderId, ContainerLevel level, String parentCode,
      List<String> childCodes, int configuredCount, boolean partial, Instant at) {
    Sscc sscc;
    try {
      sscc = ScannedCodes.parent(parentCode);
    } catch (RefusedException e) {
      return refuse(level, null, e.refusal());
    }
    OrderFacts order = repository.order(workOrderId).orElse(null);
    if (order == null) {
      return refuse(level, sscc, new Refusal("unknown-work-order", "there is no work order " + workOrderId
          + " for " + level.noun() + " " + sscc.toElementString()));
    }
    List<ChildId> ids = new ArrayList<>();
    try {
      for (String code : childCodes == null ? List.<String>of() : childCodes) {
        ids.add(ScannedCodes.child(code));
      }
    } catch (RefusedException e) {
      return refuse(level, sscc, e.refusal());
    }
    ParentState parent = repository.parent(sscc);
    List<ChildState> children = repository.children(ids);
    PackingRequest request = new PackingRequest(order, line, level, parent, children, configuredCount, partial);
    Refusal refusal = rules.judge(request).orElse(null);
    if (refusal != null) {
      return refuse(level, sscc, refusal);
    }
    OffsetDateTime time = (at == null ? clock.instant() : at).atOffset(ZoneOffset.UTC);
    String eventId = "urn:uuid:" + UUID.randomUUID();
    boolean shortOfCount = children.size() < configuredCount;
    repository.record(new PackedContainer(sscc, level, order, line, parent.allocated(), children, shortOfCount,
        time, eventId));
    List<String> epcs = children.stream().map(prefixes::epcOf).toList();
    events.send(new AggregationEvent(eventId, time, prefixes.epcOf(sscc), epcs, "ADD", "packing", "in_progress",
        location, location));
    String partialNote = shortOfCount ? " (partial, configured " + configuredCount + ")" : "";
    audit.done("aggregation.pack", "SSCC", sscc.value(), level.noun() + " of work order " + workOrderId
        + " closed on line " + line + " with " + children.size() + " children" + partialNote + ", event " + eventId);
    return new PackOutcome(true, sscc.value(), children.size(), null);
  }

  /** How many containers of the work order at {@code level} are closed. */
  public int count(long workOrderId, ContainerLevel level) {
    return repository.count(workOrderId, level);
  }

  /**
   * Every descendant of a container at any depth (AGG-1), parents before their children. {@code sscc} is the
   * 18 digits or an element string holding (00); refused when it is not an SSCC or was never allocated.
   */
  public List<Content> contents(String sscc) {
    Sscc parsed;
    try {
      parsed = sscc != null && sscc.length() == 18 && !sscc.startsWith("(") ? Sscc.of(sscc) : ScannedCodes.parent(sscc);
    } catch (RefusedException | Gs1Exception e) {
      throw new AggregationException(Kind.INVALID, "bad-sscc", "sscc", sscc, "\"" + sscc + "\" is not an SSCC: "
          + e.getMessage());
    }
    if (!repository.parent(parsed).allocated()) {
      throw new AggregationException(Kind.NOT_FOUND, "unknown-sscc", "sscc", parsed.value(),
          "there is no case or pallet with SSCC " + parsed.value());
    }
    return repository.descendants(parsed);
  }

  private OrderFacts order(long workOrderId) {
    return repository.order(workOrderId).orElseThrow(() -> new AggregationException(Kind.NOT_FOUND,
        "unknown-work-order", "workOrderId", workOrderId, "there is no work order " + workOrderId));
  }

  private PackOutcome refuse(ContainerLevel level, Sscc sscc, Refusal refusal) {
    audit.refused("aggregation.pack", "SSCC", sscc == null ? null : sscc.value(),
        (level == null ? "container" : level.noun()) + " refused: " + refusal.text());
    return new PackOutcome(false, sscc == null ? null : sscc.value(), 0, refusal.text());
  }
}
