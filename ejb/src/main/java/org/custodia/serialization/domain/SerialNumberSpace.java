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
import java.util.Collection;
import java.util.HexFormat;
import java.util.Random;
import org.custodia.gs1.Gtin;

/**
 * All fixed-length serials of one GTIN and one length, with the keyed permutation and the counter that
 * every generated pool of that GTIN and length shares. Because the counter only moves forward (under a row
 * lock, in the transaction that records the allocation) and the permutation is a bijection, no serial of
 * the space is ever issued twice, whichever pool, node or request asks (SER-2).
 *
 * <p>{@code maxIssued} bounds how much of the space may ever be issued: for a random space it defaults to
 * one ten-thousandth, which keeps the guessing probability at the EU FMD limit.
 */
@Entity
@Table(name = "serial_space")
@NamedQuery(
    name = "SerialNumberSpace.find",
    query = "select s from SerialNumberSpace s where s.gtin = :gtin and s.length = :length")
public class SerialNumberSpace {

  private static final BigInteger DEFAULT_RANDOM_DIVISOR = BigInteger.valueOf(10_000);

  @Id
  @SequenceGenerator(name = "serial_space_seq", sequenceName = "serial_space_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "serial_space_seq")
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

  @Column(name = "permutation_key")
  private String permutationKey;

  @Column(name = "space_size", nullable = false, precision = 38)
  private BigDecimal spaceSize;

  @Column(name = "max_issued", nullable = false)
  private long maxIssued;

  @Column(name = "next_counter", nullable = false)
  private long nextCounter;

  @Version private long version;

  @Transient private SerialSpace permutation;

  protected SerialNumberSpace() {}

  /**
   * A new space. {@code wanted} is the capacity the first pool asks for (or null); where no market needs
   * randomisation a random space may be opened wider than the default to hold it.
   */
  public static SerialNumberSpace open(
      Gtin gtin,
      SerialCharset charset,
      int length,
      SerialOrder order,
      Long wanted,
      Collection<String> markets,
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
    BigInteger bound =
        order == SerialOrder.RANDOM ? size.divide(DEFAULT_RANDOM_DIVISOR).max(BigInteger.ONE) : size;
    if (wanted != null
        && RandomisationRule.firstMarketRequiring(markets) == null
        && BigInteger.valueOf(wanted).compareTo(bound) > 0) {
      bound = BigInteger.valueOf(wanted).min(size);
    }
    SerialNumberSpace s = new SerialNumberSpace();
    s.gtin = gtin;
    s.charset = charset;
    s.length = length;
    s.order = order;
    if (order == SerialOrder.RANDOM) {
      byte[] key = new byte[16];
      random.nextBytes(key);
      s.permutationKey = HexFormat.of().formatHex(key);
    }
    s.spaceSize = new BigDecimal(size);
    s.maxIssued = bound.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    s.nextCounter = 0;
    return s;
  }

  /** Refuses a pool whose charset or order differs from this space's: the two could issue the same serial. */
  public void requireSame(SerialCharset charset, SerialOrder order) {
    if (this.charset != charset || this.order != order) {
      throw SerialPoolException.conflict(
          "overlapping-serial-space",
          this.charset != charset ? "charset" : "order",
          this.charset != charset ? charset : order,
          "GTIN "
              + gtin.value()
              + " already issues "
              + this.order
              + " "
              + this.charset
              + " serials of length "
              + length
              + "; a pool of the same length must use the same charset and order, or its serials could"
              + " collide");
    }
  }

  /** Advances the counter by {@code count}; returns the first counter of the range. */
  long advance(int count) {
    if (count > maxIssued - nextCounter) {
      throw SerialPoolException.conflict(
          "serial-space-exhausted",
          "count",
          count,
          "the serial space of GTIN "
              + gtin.value()
              + " length "
              + length
              + " has "
              + (maxIssued - nextCounter)
              + " serials left, fewer than the "
              + count
              + " requested");
    }
    long first = nextCounter;
    nextCounter += count;
    return first;
  }

  /** The share of the space that may ever be issued: the probability of guessing an issued serial. */
  public BigDecimal guessProbability() {
    if (order == SerialOrder.SEQUENTIAL) {
      return BigDecimal.ONE;
    }
    return new BigDecimal(maxIssued).divide(spaceSize, new MathContext(6)).stripTrailingZeros();
  }

  public SerialSpace permutation() {
    if (permutation == null) {
      permutation =
          new SerialSpace(
              charset, length, permutationKey == null ? null : HexFormat.of().parseHex(permutationKey));
    }
    return permutation;
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

  public BigInteger size() {
    return spaceSize.toBigIntegerExact();
  }

  public long remaining() {
    return maxIssued - nextCounter;
  }

  public long issued() {
    return nextCounter;
  }
}
