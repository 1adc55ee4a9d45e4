package org.custodia.gs1.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-3")
class EpcTagTest {

  private static final Sgtin TDS_SGTIN = Sgtin.of("80614141123458", "6789");
  private static final Sscc TDS_SSCC = Sscc.of("106141412345678908");

  /**
   * Packs (value, width) pairs most significant first with BigInteger, independently of the
   * production bit writer, and pads with zeros to {@code totalBits}.
   */
  static String pack(int totalBits, long... valueWidthPairs) {
    BigInteger v = BigInteger.ZERO;
    int used = 0;
    for (int i = 0; i < valueWidthPairs.length; i += 2) {
      v = v.shiftLeft((int) valueWidthPairs[i + 1]).or(BigInteger.valueOf(valueWidthPairs[i]));
      used += (int) valueWidthPairs[i + 1];
    }
    String hex = v.shiftLeft(totalBits - used).toString(16).toUpperCase();
    return "0".repeat(totalBits / 4 - hex.length()) + hex;
  }

  @Test
  void encodesTdsSgtin96Example() {
    // given: header 0x30, filter 3, partition 5 (7-digit prefix), prefix 614141 in 24 bits,
    // item reference 812345 in 20 bits, serial 6789 in 38 bits
    EpcTag<Sgtin> tag = EpcTag.sgtin96(TDS_SGTIN, 3, 7);

    // when
    String hex = tag.toHex();

    // then: the TDS value, and the same fields packed independently
    assertEquals("3074257BF7194E4000001A85", hex);
    assertEquals(pack(96, 0x30, 8, 3, 3, 5, 3, 614141, 24, 812345, 20, 6789, 38), hex);
    assertEquals("urn:epc:tag:sgtin-96:3.0614141.812345.6789", tag.toTagUri());
    assertEquals("urn:epc:id:sgtin:0614141.812345.6789", tag.toPureIdentityUri());
  }

  @Test
  void decodesTdsSgtin96Example() {
    // given
    String hex = "3074257BF7194E4000001A85";

    // when
    EpcTag<Sgtin> tag = EpcTag.decodeSgtin(hex);

    // then
    assertEquals(TagEncoding.SGTIN_96, tag.encoding());
    assertEquals(TDS_SGTIN, tag.identifier());
    assertEquals(3, tag.filter());
    assertEquals(7, tag.companyPrefixLength());
    assertEquals("urn:epc:tag:sgtin-96:3.0614141.812345.6789", tag.toTagUri());
  }

  @Test
  void decodesLowerCaseHexAndBytes() {
    // given
    byte[] bytes = EpcTag.sgtin96(TDS_SGTIN, 3, 7).toBytes();

    // when / then
    assertEquals(12, bytes.length);
    assertEquals(TDS_SGTIN, EpcTag.decode(bytes).identifier());
    assertEquals(TDS_SGTIN, EpcTag.decode("3074257bf7194e4000001a85").identifier());
  }

  @Test
  void encodesTdsSscc96Example() {
    // given: header 0x31, filter 3, partition 5, prefix 614141 in 24 bits, serial reference
    // 1234567890 in 34 bits, 24 reserved zero bits
    EpcTag<Sscc> tag = EpcTag.sscc96(TDS_SSCC, 3, 7);

    // when
    String hex = tag.toHex();

    // then
    assertEquals("3174257BF4499602D2000000", hex);
    assertEquals(pack(96, 0x31, 8, 3, 3, 5, 3, 614141, 24, 1234567890, 34, 0, 24), hex);
    assertEquals("urn:epc:tag:sscc-96:3.0614141.1234567890", tag.toTagUri());
    assertEquals(tag, EpcTag.decodeSscc(hex));
  }

  @Test
  void encodesSgtin198SerialAsSevenBitCharacters() {
    // given: the TDS SGTIN-198 example serial 32a/b
    Sgtin sgtin = Sgtin.of("80614141123458", "32a/b");
    EpcTag<Sgtin> tag = EpcTag.sgtin198(sgtin, 3, 7);

    // when
    String hex = tag.toHex();

    // then: header 0x36, then the same fields as SGTIN-96, then 20 seven-bit characters
    // ('3'=0x33, '2'=0x32, 'a'=0x61, '/'=0x2F, 'b'=0x62, then zeros), padded to 208 bits
    assertEquals(
        pack(
            208, 0x36, 8, 3, 3, 5, 3, 614141, 24, 812345, 20, 0x33, 7, 0x32, 7, 0x61, 7, 0x2F, 7,
            0x62, 7),
        hex);
    assertEquals(52, hex.length());
    assertEquals("urn:epc:tag:sgtin-198:3.0614141.812345.32a%2Fb", tag.toTagUri());
    assertEquals(tag, EpcTag.decode(hex));
  }

  @Test
  void decodesSgtin198PaddedOnlyToWholeBytes() {
    // given: 200 bits (50 hex digits) instead of 208
    String hex =
        EpcTag.sgtin198(Sgtin.of("80614141123458", "32a/b"), 3, 7).toHex().substring(0, 50);

    // when
    EpcTag<?> tag = EpcTag.decode(hex);

    // then
    assertEquals("32a/b", ((Sgtin) tag.identifier()).serial().value());
  }

  @Test
  void parsesTagUrisBackToTags() {
    // given
    EpcTag<Sgtin> sgtin96 = EpcTag.sgtin96(TDS_SGTIN, 3, 7);
    EpcTag<Sgtin> sgtin198 = EpcTag.sgtin198(Sgtin.of("80614141123458", "32a/b"), 1, 7);
    EpcTag<Sscc> sscc96 = EpcTag.sscc96(TDS_SSCC, 0, 7);

    // when / then
    assertEquals(sgtin96, EpcTag.parseTagUri(sgtin96.toTagUri()));
    assertEquals(sgtin198, EpcTag.parseTagUri(sgtin198.toTagUri()));
    assertEquals(sscc96, EpcTag.parseTagUri(sscc96.toTagUri()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABC", "06789", "00", "274877906944", "1234567890123", "-1", "+1", "1.0"})
  void refusesSerialsThatCannotGoIntoSgtin96(String serial) {
    // given
    Sgtin sgtin = Sgtin.of("80614141123458", serial);

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.sgtin96(sgtin, 3, 7));

    // then
    assertEquals("sgtin96-serial", e.rule());
    assertFalse(EpcTag.fitsSgtin96(sgtin.serial()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "274877906943"})
  void acceptsSgtin96SerialsAtTheLimits(String serial) {
    // given
    Sgtin sgtin = Sgtin.of("80614141123458", serial);

    // when
    EpcTag<Sgtin> tag = EpcTag.sgtin96(sgtin, 3, 7);

    // then: 2^38 - 1 = 274877906943 is the largest
    assertTrue(EpcTag.fitsSgtin96(SerialNumber.of(serial)));
    assertEquals(tag, EpcTag.decode(tag.toHex()));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 8, 99})
  void refusesFilterOutsideThreeBits(int filter) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.sgtin96(TDS_SGTIN, filter, 7));

    // then
    assertEquals("filter", e.rule());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 13})
  void refusesCompanyPrefixLengthWithoutPartition(int length) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.sscc96(TDS_SSCC, 0, length));

    // then
    assertEquals("company-prefix-length", e.rule());
  }

  @Test
  void refusesIdentifierOfTheWrongTypeForTheEncoding() {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> new EpcTag<>(TagEncoding.SSCC_96, TDS_SGTIN, 0, 7));

    // then
    assertEquals("encoding-type", e.rule());
  }

  @ParameterizedTest
  @CsvSource({
    // unknown header 0x35 (SGTIN-96's neighbour, SSCC-64 era headers are not supported)
    "3574257BF7194E4000001A85, header",
    "E2003412013B0B00111F1A85, header",
    // partition 7: 0x30, filter 3 (011), partition 111 → second byte 0111 11.. = 0x7C
    "307C257BF7194E4000001A85, partition",
    // too short / too long
    "3074257BF7194E4000001A, bit-length",
    "3074257BF7194E4000001A8500, bit-length",
    // not hex
    "3074257BF7194E4000001A8G, hex",
    "3074257BF7194E4000001A8, hex",
    "'', hex"
  })
  void refusesUndecodableHex(String hex, String rule) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.decode(hex));

    // then
    assertEquals(rule, e.rule(), e.getMessage());
  }

  @Test
  void refusesCompanyPrefixFieldLargerThanItsDigits() {
    // given: partition 6 (6-digit prefix in 20 bits) holding 1,000,000, which needs 7 digits
    String hex = pack(96, 0x30, 8, 3, 3, 6, 3, 1_000_000, 20, 1, 24, 1, 38);

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.decode(hex));

    // then
    assertEquals("decimal-range", e.rule());
  }

  @Test
  void refusesSsccWithNonZeroReservedBits() {
    // given
    String hex = pack(96, 0x31, 8, 3, 3, 5, 3, 614141, 24, 1234567890, 34, 1, 24);

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.decode(hex));

    // then
    assertEquals("reserved", e.rule());
  }

  @Test
  void refusesSgtin198WithCharacterAfterTerminatingZero() {
    // given: 'A', then 0, then 'B'
    String hex = pack(208, 0x36, 8, 3, 3, 5, 3, 614141, 24, 812345, 20, 'A', 7, 0, 7, 'B', 7);

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.decode(hex));

    // then
    assertEquals("sgtin198-serial", e.rule());
  }

  @Test
  void refusesSgtin198WithEmptySerialOrCharacterOutsideCset82() {
    // given
    String empty = pack(208, 0x36, 8, 3, 3, 5, 3, 614141, 24, 812345, 20);
    String space = pack(208, 0x36, 8, 3, 3, 5, 3, 614141, 24, 812345, 20, ' ', 7);

    // when / then
    assertEquals(
        "sgtin198-serial", assertThrows(Gs1Exception.class, () -> EpcTag.decode(empty)).rule());
    assertEquals("cset82", assertThrows(Gs1Exception.class, () -> EpcTag.decode(space)).rule());
  }

  @Test
  void refusesSgtin198WithNonZeroPadding() {
    // given: the last bit of the 208 is set
    String valid = EpcTag.sgtin198(TDS_SGTIN, 3, 7).toHex();
    String hex = valid.substring(0, 51) + "1";

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.decode(hex));

    // then
    assertEquals("padding", e.rule());
  }

  @Test
  void refusesSgtinHexInSsccDecoder() {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> EpcTag.decodeSscc("3074257BF7194E4000001A85"));

    // then
    assertEquals("header", e.rule());
  }

  @ParameterizedTest
  @CsvSource({
    "urn:epc:tag:sgtin-96:8.0614141.812345.6789, filter",
    "urn:epc:tag:sgtin-96:3.0614141.812345.ABC, sgtin96-serial",
    "urn:epc:tag:sgtin-64:3.0614141.812345.6789, epc-scheme",
    "urn:epc:tag:sscc-96:3.0614141.123456789, partition"
  })
  void refusesBadTagUris(String uri, String rule) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> EpcTag.parseTagUri(uri));

    // then
    assertEquals(rule, e.rule(), e.getMessage());
  }
}
