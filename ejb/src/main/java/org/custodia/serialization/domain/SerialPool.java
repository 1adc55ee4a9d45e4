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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import org.custodia.gs1.Gtin;

/**
 * A serial number pool of one GTIN: the aggregate that guarantees SER-2, a serial is never issued twice.
 *
 * <p>A generated pool (random or sequential) owns one serial space, fixed by charset and length, and a
 * counter. Allocation advances the counter; serial {@code i} is the image of counter {@code i} under the
 * pool's permutation ({@link SerialSpace}), so distinct counters give distinct serials without any look-up.
 * Two pools of the same GTIN never share a space (unique GTIN and space key), so they cannot overlap
 * either. The counter only moves forward and is advanced under a row lock in the same transaction that
 * records the allocation, so a crash before the commit issues nothing and a crash after it issues the
 * range exactly once.
 *
 * <p>An import pool holds externally issued serials (SER-4) in import order; its counter walks that list.
 *
 * <p>Life cycle: created ACTIVE, allocated from until its capacity is used up, CLOSED by an administrator.
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

  /** Default share of a random pool's space that may be issued: the EU FMD bound. */
  private static final BigInteger DEFAULT_RANDOM_DIVISOR = BigInteger.valueOf(10_000);

  private static final String IMPORT_SPACE = "IMPORT";

  /** Pool states. */
  public enum Status {
    ACTIVE,
    CLOSED
  }

  @Id
  @SequenceGenerator(name = "serial_pool_seq", sequenceName = "serial_pool_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "serial_pool_seq")
  private Long id;

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

  @Column(name = "space_key", nullable = false)
  private String spaceKey;

  @Column(name = "permutation_key")
  private String permutationKey;

  @Column(name = "space_size", nullable = false, precision = 38)
  private BigDecimal spaceSize;

  @Column(name = "capacity", nullable = false)
  private long capacity;

  @Column(name = "next_counter", nullable = false)
  private long nextCounter;

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

  @Transient private SerialSpace space;

  protected SerialPool() {}

  /**
   * A new generated pool.
   *
   * @param requestedCapacity how many serials may ever be issued, or null for the default (a random pool:
   *     one ten-thousandth of its space; a sequential pool: its whole space)
   * @param random the source of the permutation key (a {@code SecureRandom} in production)
   */
  public static SerialPool generated(
      Gtin gtin,
      SerialCharset charset,
      int length,
      SerialOrder order,
      Long requestedCapacity,
      Collection<String> markets,
      String createdBy,
      OffsetDateTime now,
      Random random) {
    if (order == SerialOrder.IMPORTED) {
      throw SerialPoolException.invalid(
          "invalid-order", "order", order, "order IMPORTED is for imported serials, not a generated pool");
    }
    if (length < 1 || length > 20) {
      throw SerialPoolException.invalid(
          "invalid-length", "length", length, "length must be 1 to 20 (AI 21), was " + length);
    }
    BigInteger size = SerialSpace.size(charset, length);
    BigInteger cap;
    if (requestedCapacity == null) {
      cap = order == SerialOrder.RANDOM ? size.divide(DEFAULT_RANDOM_DIVISOR).max(BigInteger.ONE) : size;
    } else if (requestedCapacity < 1 || BigInteger.valueOf(requestedCapacity).compareTo(size) > 0) {
      throw SerialPoolException.invalid(
          "invalid-capacity",
          "capacity",
          requestedCapacity,
          "capacity must be 1 to " + size + " (the size of the serial space), was " + requestedCapacity);
    } else {
      cap = BigInteger.valueOf(requestedCapacity);
    }
    cap = cap.min(BigInteger.valueOf(Long.MAX_VALUE));
    BigDecimal probability =
        order == SerialOrder.SEQUENTIAL
            ? BigDecimal.ONE
            : new BigDecimal(cap).divide(new BigDecimal(size), new MathContext(6)).stripTrailingZeros();
    String market = RandomisationRule.firstMarketRequiring(markets);
    if (market != null && probability.compareTo(RandomisationRule.MAX_GUESS_PROBABILITY) > 0) {
      String why =
          order == SerialOrder.SEQUENTIAL
              ? "sequential serials can be guessed"
              : "the guessing probability would be "
                  + probability.toPlainString()
                  + " (capacity "
                  + cap
                  + " of "
                  + size
                  + " serials)";
      throw SerialPoolException.invalid(
          "guess-probability-too-high",
          order == SerialOrder.SEQUENTIAL ? "order" : "capacity",
          order == SerialOrder.SEQUENTIAL ? order : cap,
          "market "
              + market
              + " requires a guessing probability below 1 in 10,000, but "
              + why
              + "; use order RANDOM, a longer serial or a smaller capacity");
    }
    SerialPool pool = new SerialPool();
    pool.gtin = gtin;
    pool.charset = charset;
    pool.length = length;
    pool.order = order;
    pool.spaceKey = "LEN" + length;
    if (order == SerialOrder.RANDOM) {
      byte[] key = new byte[16];
      random.nextBytes(key);
      pool.permutationKey = HexFormat.of().formatHex(key);
    }
    pool.spaceSize = new BigDecimal(size);
    pool.capacity = cap.longValueExact();
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
    pool.spaceKey = IMPORT_SPACE;
    pool.spaceSize = BigDecimal.ZERO;
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
    this.nextCounter = 0;
    this.status = Status.ACTIVE;
  }

  /**
   * Hands out the next {@code count} serials: advances the counter and returns the range it covered. The
   * caller holds the row lock for the rest of the transaction.
   */
  public SerialRange allocate(int count) {
    if (count < 1 || count > MAX_ALLOCATION) {
      throw SerialPoolException.invalid(
          "invalid-count", "count", count, "count must be 1 to " + MAX_ALLOCATION + ", was " + count);
    }
    if (status != Status.ACTIVE) {
      throw SerialPoolException.conflict(
          "pool-closed", "poolId", id, "serial pool " + id + " is closed; no serials can be allocated");
    }
    if (count > capacity - nextCounter) {
      throw SerialPoolException.conflict(
          "pool-exhausted",
          "count",
          count,
          "serial pool "
              + id
              + " has "
              + (capacity - nextCounter)
              + " serials left, fewer than the "
              + count
              + " requested");
    }
    SerialRange range = new SerialRange(id, nextCounter, count);
    nextCounter += count;
    return range;
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

  /** The serial at {@code counter} of a generated pool. */
  public String serialAt(long counter) {
    return space().serialAt(counter);
  }

  /** The serial space of a generated pool (not defined for an import pool). */
  public SerialSpace space() {
    if (order == SerialOrder.IMPORTED) {
      throw new IllegalStateException("an import pool has no generated serial space");
    }
    if (space == null) {
      space =
          new SerialSpace(
              charset, length, permutationKey == null ? null : HexFormat.of().parseHex(permutationKey));
    }
    return space;
  }

  /** True when this generated pool has issued {@code serial}: it is in the space and below the counter. */
  public boolean hasIssued(CharSequence serial) {
    OptionalLong counter = space().counterOf(serial);
    return counter.isPresent() && counter.getAsLong() < nextCounter;
  }

  /** True when {@code serial} has the shape of this generated pool's serials. */
  public boolean couldHaveIssued(CharSequence serial) {
    return order != SerialOrder.IMPORTED && space().counterOf(serial).isPresent();
  }

  public void close() {
    status = Status.CLOSED;
  }

  public Long id() {
    return id;
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
    return nextCounter;
  }

  public BigInteger spaceSize() {
    return spaceSize.toBigIntegerExact();
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
