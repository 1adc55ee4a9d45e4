package org.custodia.gs1.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.custodia.gs1.CharacterSets;
import org.custodia.gs1.CheckDigit;
import org.custodia.gs1.Grai;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Lgtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style round trips: many random identifiers per company prefix length (every partition),
 * each written and read back through every form it has, with the bit fields checked against the
 * digits.
 */
@Tag("ID-3")
class EpcRoundTripTest {

  private static final int SAMPLES = 500;

  private static String digits(Random random, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  private static String cset82(Random random, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(CharacterSets.CSET82.charAt(random.nextInt(CharacterSets.CSET82.length())));
    }
    return s.toString();
  }

  private static Gtin randomGtin(Random random) {
    String data = digits(random, 13);
    return Gtin.of(data + CheckDigit.compute(data));
  }

  private static String sgtin96Serial(Random random) {
    long max = (1L << 38) - 1;
    long v =
        random.nextInt(4) == 0 ? random.nextInt(1000) : Math.floorMod(random.nextLong(), max + 1);
    return Long.toString(random.nextInt(50) == 0 ? max : v);
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
  void sgtin96RoundTripsForEveryPartition(int cpl) {
    // given
    Random random = new Random(9600 + cpl);
    for (int n = 0; n < SAMPLES; n++) {
      Sgtin sgtin = new Sgtin(randomGtin(random), SerialNumber.of(sgtin96Serial(random)));
      int filter = random.nextInt(8);

      // when
      EpcTag<Sgtin> tag = EpcTag.sgtin96(sgtin, filter, cpl);
      String hex = tag.toHex();

      // then: decode gives back the same tag, via hex, bytes and tag URI
      assertEquals(tag, EpcTag.decode(hex));
      assertEquals(tag, EpcTag.decode(tag.toBytes()));
      assertEquals(tag, EpcTag.parseTagUri(tag.toTagUri()));
      assertSgtinFields(new BigInteger(hex, 16), 96, 0x30, filter, cpl, sgtin);
      assertEquals(
          Long.parseLong(sgtin.serial().value()),
          new BigInteger(hex, 16)
              .and(BigInteger.ONE.shiftLeft(38).subtract(BigInteger.ONE))
              .longValue());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
  void sgtin198RoundTripsForEveryPartition(int cpl) {
    // given
    Random random = new Random(19800 + cpl);
    for (int n = 0; n < SAMPLES; n++) {
      Sgtin sgtin = new Sgtin(randomGtin(random), SerialNumber.of(cset82(random, 1, 20)));
      int filter = random.nextInt(8);

      // when
      EpcTag<Sgtin> tag = EpcTag.sgtin198(sgtin, filter, cpl);
      String hex = tag.toHex();

      // then
      assertEquals(tag, EpcTag.decode(hex));
      assertEquals(tag, EpcTag.parseTagUri(tag.toTagUri()));
      assertEquals(52, hex.length());
      BigInteger bits = new BigInteger(hex, 16);
      assertSgtinFields(bits, 208, 0x36, filter, cpl, sgtin);
      String serial = sgtin.serial().value();
      for (int i = 0; i < 20; i++) {
        int shift = 208 - 58 - 7 * (i + 1);
        int c = bits.shiftRight(shift).intValue() & 0x7F;
        assertEquals(i < serial.length() ? serial.charAt(i) : 0, c);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
  void sscc96RoundTripsForEveryPartition(int cpl) {
    // given
    Random random = new Random(3100 + cpl);
    for (int n = 0; n < SAMPLES; n++) {
      String data = digits(random, 17);
      Sscc sscc = Sscc.of(data + CheckDigit.compute(data));
      int filter = random.nextInt(8);

      // when
      EpcTag<Sscc> tag = EpcTag.sscc96(sscc, filter, cpl);
      String hex = tag.toHex();

      // then
      assertEquals(tag, EpcTag.decode(hex));
      assertEquals(tag, EpcTag.parseTagUri(tag.toTagUri()));
      BigInteger bits = new BigInteger(hex, 16);
      int cpBits = new int[] {40, 37, 34, 30, 27, 24, 20}[12 - cpl];
      int refBits = 58 - cpBits;
      assertEquals(0x31, bits.shiftRight(88).intValue());
      assertEquals(filter, bits.shiftRight(85).intValue() & 7);
      assertEquals(12 - cpl, bits.shiftRight(82).intValue() & 7);
      assertEquals(Long.parseLong(sscc.value().substring(1, 1 + cpl)), field(bits, 82, cpBits));
      assertEquals(
          Long.parseLong(sscc.value().charAt(0) + sscc.value().substring(1 + cpl, 17)),
          field(bits, 82 - cpBits, refBits));
      assertEquals(0, field(bits, 24, 24));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
  void pureIdentityUrisRoundTripForEveryPrefixLength(int cpl) {
    // given
    Random random = new Random(7000 + cpl);
    for (int n = 0; n < SAMPLES; n++) {
      Gtin gtin = randomGtin(random);
      Sgtin sgtin = new Sgtin(gtin, SerialNumber.of(cset82(random, 1, 20)));
      String ssccData = digits(random, 17);
      Sscc sscc = Sscc.of(ssccData + CheckDigit.compute(ssccData));
      String glnData = digits(random, 12);
      Sgln sgln =
          Sgln.of(
              glnData + CheckDigit.compute(glnData),
              random.nextBoolean() ? null : cset82(random, 1, 20));
      String graiData = digits(random, 12);
      Grai grai = new Grai(graiData + CheckDigit.compute(graiData), cset82(random, 1, 16));
      Lgtin lgtin = new Lgtin(gtin, LotNumber.of(cset82(random, 1, 20)));

      // when / then
      assertParsesBack(sgtin, sgtin.toEpcUri(cpl), cpl);
      assertParsesBack(sscc, sscc.toEpcUri(cpl), cpl);
      assertParsesBack(sgln, sgln.toEpcUri(cpl), cpl);
      assertParsesBack(grai, grai.toEpcUri(cpl), cpl);
      assertParsesBack(lgtin, lgtin.toEpcUri(cpl), cpl);
      assertParsesBack(gtin, gtin.toEpcIdPattern(cpl), cpl);
      assertTrue(
          sgtin
              .toEpcUri(cpl)
              .startsWith("urn:epc:id:sgtin:" + gtin.value().substring(1, 1 + cpl) + "."));
    }
  }

  private static void assertParsesBack(Object expected, String uri, int cpl) {
    ParsedEpcUri<?> parsed = EpcUris.parse(uri);
    assertEquals(expected, parsed.identifier(), uri);
    assertEquals(cpl, parsed.companyPrefixLength(), uri);
  }

  private static void assertSgtinFields(
      BigInteger bits, int total, int header, int filter, int cpl, Sgtin sgtin) {
    int cpBits = new int[] {40, 37, 34, 30, 27, 24, 20}[12 - cpl];
    int irBits = 44 - cpBits;
    String gtin = sgtin.gtin().value();
    assertEquals(header, bits.shiftRight(total - 8).intValue());
    assertEquals(filter, bits.shiftRight(total - 11).intValue() & 7);
    assertEquals(12 - cpl, bits.shiftRight(total - 14).intValue() & 7);
    assertEquals(Long.parseLong(gtin.substring(1, 1 + cpl)), field(bits, total - 14, cpBits));
    assertEquals(
        Long.parseLong(gtin.charAt(0) + gtin.substring(1 + cpl, 13)),
        field(bits, total - 14 - cpBits, irBits));
  }

  /**
   * The {@code width}-bit field whose most significant bit is just below bit position {@code top}.
   */
  private static long field(BigInteger bits, int top, int width) {
    return bits.shiftRight(top - width)
        .and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE))
        .longValue();
  }
}
