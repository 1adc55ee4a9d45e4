package org.custodia.aggregation.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.custodia.gs1.CompanyPrefix;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;

/**
 * The SSCCs of one GS1 company prefix: extension digit + company prefix + serial reference (16 minus the
 * prefix length digits, zero-padded) + check digit. Serial references are handed out in order from {@code
 * nextSerialRef}; the repository keeps the pool row locked while it takes them.
 */
public record SsccPool(String companyPrefix, int extensionDigit, long nextSerialRef) {

  /** Validates the prefix (4 to 12 digits), the extension digit and the next serial reference. */
  public SsccPool {
    CompanyPrefix.of(companyPrefix);
    if (extensionDigit < 0 || extensionDigit > 9) {
      throw new AggregationException(Kind.INVALID, "bad-extension-digit", "extensionDigit", extensionDigit,
          "the SSCC extension digit must be 0 to 9, not " + extensionDigit);
    }
    if (nextSerialRef < 0) {
      throw new AggregationException(Kind.INVALID, "bad-serial-reference", "nextSerialRef", nextSerialRef,
          "the next SSCC serial reference must not be negative");
    }
  }

  /** SSCCs taken and the pool after them. */
  public record Taken(List<Sscc> ssccs, SsccPool pool) {}

  /** How many digits the serial reference has. */
  public int serialRefDigits() {
    return 16 - companyPrefix.length();
  }

  /** How many serial references the pool has in all. */
  public long capacity() {
    long c = 1;
    for (int i = 0; i < serialRefDigits(); i++) {
      c *= 10;
    }
    return c;
  }

  /** The SSCC of one serial reference. */
  public Sscc sscc(long serialRef) {
    String ref = Long.toString(serialRef);
    String padded = "0".repeat(serialRefDigits() - ref.length()) + ref;
    return Sscc.fromDigitsWithoutCheckDigit(extensionDigit + companyPrefix + padded);
  }

  /** The next {@code count} SSCCs; refused as {@code sscc-pool-exhausted} when fewer are left. */
  public Taken take(int count) {
    if (count < 1) {
      throw new AggregationException(Kind.INVALID, "bad-count", "count", count,
          "the number of SSCCs to allocate must be at least 1, not " + count);
    }
    if (capacity() - nextSerialRef < count) {
      throw new AggregationException(Kind.CONFLICT, "sscc-pool-exhausted", "companyPrefix", companyPrefix,
          "the SSCC pool of company prefix " + companyPrefix + " with extension digit " + extensionDigit + " has "
              + (capacity() - nextSerialRef) + " SSCCs left, " + count + " were asked for");
    }
    List<Sscc> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(sscc(nextSerialRef + i));
    }
    return new Taken(List.copyOf(out), new SsccPool(companyPrefix, extensionDigit, nextSerialRef + count));
  }

  /** Of the pools' prefixes, the longest that begins the GTIN's digits after its indicator digit. */
  public static Optional<String> prefixFor(Collection<String> prefixes, String gtin) {
    String digits = gtin.substring(1);
    return prefixes.stream().filter(digits::startsWith).max((a, b) -> Integer.compare(a.length(), b.length()));
  }
}
