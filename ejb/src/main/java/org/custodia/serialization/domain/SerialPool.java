package org.custodia.serialization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import org.custodia.gs1.Gtin;

/**
 * A serial number pool of one GTIN (SER-1): who may draw how many serials from which space.
 *
 * <p>A generated pool draws from the {@link SerialNumberSpace} of its GTIN and length, shared with every
 * other pool of that GTIN and length, so pools cannot overlap; its capacity caps what it may draw. An import
 * pool holds externally issued serials (SER-4) in import order and hands them out in that order; a GTIN
 * with imported serials has no generated pool, so the imported serials are the only ones used.
 *
 * <p>Life cycle: created ACTIVE, allocated from until its capacity is used up, CLOSED by QA.
 */
@Entity
@Table(name = "serial_pool")
@NamedQuery(
    name = "SerialPool.findByGtin",
    query = "select p from SerialPool p where p.gtin = :gtin order by p.id")
@NamedQuery(name = "SerialPool.findAll", query = "select p from SerialPool p order by p.id")
public class SerialPool {

  /** Largest number of serials handed out by one allocation request. */
  public static final int MAX_ALLOCATION = 100_000;

  /** Pool states. */
  public enum Status {
    ACTIVE,
    CLOSED
  }

  @Id
  @SequenceGenerator(name = "serial_pool_seq", sequenceName = "serial_pool_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "serial_pool_seq")
  private Long id;

  @Column(name = "space_id")
  private Long spaceId;

  @Column(name = "gtin", nullable = false, length = 14)
  private Gtin gtin;

  @Enumerated(EnumType.STRING)
  @Column(name = "charset", nullable = false)
  private SerialCharset charset;

  @Column(name = "serial_length", nullable = false)
  private int length;

  @Enumerated(EnumType.STRING)
  @Column(name = "serial_order", nullable = false)
  private SerialOrder order;

  @Column(name = "capacity", nullable = false)
  private long capacity;

  @Column(name = "issued", nullable = false)
  private long issued;

  @Column(name = "guess_probability", nullable = false, precision = 30, scale = 25)
  private BigDecimal guessProbability;

  @Column(name = "markets")
  private String markets;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Version private long version;

  protected SerialPool() {}

  /**
   * A new generated pool on {@code space}. Refuses a pool for a market that needs randomisation (EU FMD)
   * when the space's guessing probability is above 1 in 10,000.
   *
   * @param requestedCapacity how many serials the pool may draw, or null for all the space has left
   */
  public static SerialPool generated(
      SerialNumberSpace space,
      Long requestedCapacity,
      Collection<String> markets,
      String createdBy,
      OffsetDateTime now) {
    BigDecimal probability = space.guessProbability();
    String market = RandomisationRule.firstMarketRequiring(markets);
    if (market != null && probability.compareTo(RandomisationRule.MAX_GUESS_PROBABILITY) > 0) {
      boolean sequential = space.order() == SerialOrder.SEQUENTIAL;
      throw SerialPoolException.invalid(
          "guess-probability-too-high",
          sequential ? "order" : "capacity",
          sequential ? space.order() : requestedCapacity,
          "market "
              + market
              + " requires a guessing probability below 1 in 10,000, but "
              + (sequential
                  ? "sequential serials can be guessed"
                  : "this serial space allows " + probability.toPlainString())
              + "; use order RANDOM with a longer serial");
    }
    long remaining = space.remaining();
    long capacity = requestedCapacity == null ? remaining : requestedCapacity;
    if (capacity < 1 || capacity > remaining) {
      throw SerialPoolException.invalid(
          "invalid-capacity",
          "capacity",
          requestedCapacity,
          "capacity must be 1 to "
              + remaining
              + " (what the serial space of GTIN "
              + space.gtin().value()
              + " length "
              + space.length()
              + " has left), was "
              + capacity);
    }
    SerialPool pool = new SerialPool();
    pool.spaceId = space.id();
    pool.gtin = space.gtin();
    pool.charset = space.charset();
    pool.length = space.length();
    pool.order = space.order();
    pool.capacity = capacity;
    pool.guessProbability = probability;
    pool.init(markets, createdBy, now);
    return pool;
  }

  /** A new, empty import pool for {@code gtin}; {@link #addImported(int)} grows its capacity. */
  public static SerialPool imported(
      Gtin gtin, Collection<String> markets, String createdBy, OffsetDateTime now) {
    SerialPool pool = new SerialPool();
    pool.gtin = gtin;
    pool.charset = SerialCharset.CSET82;
    pool.length = 20;
    pool.order = SerialOrder.IMPORTED;
    pool.capacity = 0;
    // the issuer vouches for randomisation; we cannot measure it, so record the worst case
    pool.guessProbability = BigDecimal.ONE;
    pool.init(markets, createdBy, now);
    return pool;
  }

  private void init(Collection<String> markets, String createdBy, OffsetDateTime now) {
    TreeSet<String> m = new TreeSet<>();
    markets.forEach(x -> m.add(x.toUpperCase(Locale.ROOT)));
    this.markets = String.join(",", m);
    this.createdBy = createdBy;
    this.createdAt = now;
    this.issued = 0;
    this.status = Status.ACTIVE;
  }

  /**
   * Hands out the next {@code count} serials of a generated pool from its space (whose row the caller
   * has locked): returns the counter range drawn.
   */
  public SerialRange allocate(SerialNumberSpace space, int count) {
    checkAllocatable(count);
    if (!space.id().equals(spaceId)) {
      throw new IllegalArgumentException("space " + space.id() + " is not the space of pool " + id);
    }
    long first = space.advance(count);
    issued += count;
    return new SerialRange(id, first, count);
  }

  /** Hands out the next {@code count} imported serials: returns their positions. */
  public SerialRange allocateImported(int count) {
    checkAllocatable(count);
    long first = issued;
    issued += count;
    return new SerialRange(id, first, count);
  }

  private void checkAllocatable(int count) {
    if (count < 1 || count > MAX_ALLOCATION) {
      throw SerialPoolException.invalid(
          "invalid-count", "count", count, "count must be 1 to " + MAX_ALLOCATION + ", was " + count);
    }
    if (status != Status.ACTIVE) {
      throw SerialPoolException.conflict(
          "pool-closed", "poolId", id, "serial pool " + id + " is closed; no serials can be allocated");
    }
    if (count > capacity - issued) {
      throw SerialPoolException.conflict(
          "pool-exhausted",
          "count",
          count,
          "serial pool " + id + " has " + (capacity - issued) + " serials left, fewer than the " + count + " requested");
    }
  }

  /** Grows an import pool by {@code count} newly imported serials; returns the first new position. */
  public long addImported(int count) {
    if (order != SerialOrder.IMPORTED) {
      throw SerialPoolException.conflict(
          "not-an-import-pool", "poolId", id, "serial pool " + id + " generates its serials; it takes no imports");
    }
    long first = capacity;
    capacity += count;
    return first;
  }

  public void close() {
    status = Status.CLOSED;
  }

  public Long id() {
    return id;
  }

  public Long spaceId() {
    return spaceId;
  }

  public Gtin gtin() {
    return gtin;
  }

  public SerialCharset charset() {
    return charset;
  }

  public int length() {
    return length;
  }

  public SerialOrder order() {
    return order;
  }

  public long capacity() {
    return capacity;
  }

  public long issued() {
    return issued;
  }

  public BigDecimal guessProbability() {
    return guessProbability;
  }

  public String markets() {
    return markets;
  }

  public Status status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public boolean isImport() {
    return order == SerialOrder.IMPORTED;
  }
}
