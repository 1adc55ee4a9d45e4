package org.custodia.gs1.epc;

import java.util.Objects;
import org.custodia.gs1.CharacterSets;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;

/**
 * What an RFID tag's EPC memory holds: an SGTIN or SSCC, the filter value readers use to skip
 * unwanted tags, and the company prefix length that fixes the partition. It is built either from
 * our value objects (to write a tag) or from the tag's bits (after reading one) and checks on
 * construction that the identifier fits the chosen encoding, so an {@code EpcTag} can always be
 * encoded. Binary layouts follow the GS1 EPC Tag Data Standard: SGTIN-96 (header 0x30), SGTIN-198
 * (0x36) and SSCC-96 (0x31).
 *
 * @param <T> {@link Sgtin} for the SGTIN encodings, {@link Sscc} for SSCC-96
 * @param encoding the binary encoding
 * @param identifier the identifier on the tag
 * @param filter the 3-bit filter value, 0..7
 * @param companyPrefixLength the GS1 company prefix length, 6..12
 */
public record EpcTag<T>(TagEncoding encoding, T identifier, int filter, int companyPrefixLength) {

  /** 2^38 - 1, the largest serial the 38-bit field of SGTIN-96 holds. */
  static final long SGTIN96_MAX_SERIAL = (1L << 38) - 1;

  private static final int SGTIN198_SERIAL_CHARS = 20;

  public EpcTag {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(identifier, "identifier");
    Class<?> expected = encoding == TagEncoding.SSCC_96 ? Sscc.class : Sgtin.class;
    if (!expected.isInstance(identifier)) {
      throw new Gs1Exception(
          encoding.uriName(),
          identifier.toString(),
          "encoding-type",
          encoding.uriName() + " encodes " + expected.getSimpleName() + ", not " + identifier);
    }
    if (filter < 0 || filter > 7) {
      throw new Gs1Exception(
          encoding.uriName(),
          Integer.toString(filter),
          "filter",
          "The filter value is 3 bits and must be 0 to 7, not " + filter);
    }
    if (companyPrefixLength < 6 || companyPrefixLength > 12) {
      throw new Gs1Exception(
          encoding.uriName(),
          Integer.toString(companyPrefixLength),
          "company-prefix-length",
          "EPC binary encodings need a company prefix of 6 to 12 digits, not "
              + companyPrefixLength);
    }
    if (encoding == TagEncoding.SGTIN_96) {
      requireSgtin96Serial(((Sgtin) identifier).serial().value());
    }
  }

  /** An SGTIN-96 tag; the serial must be a number 0..2^38-1 written without leading zeros. */
  public static EpcTag<Sgtin> sgtin96(Sgtin sgtin, int filter, int companyPrefixLength) {
    return new EpcTag<>(TagEncoding.SGTIN_96, sgtin, filter, companyPrefixLength);
  }

  /** An SGTIN-198 tag, which holds any AI (21) serial as 7-bit characters. */
  public static EpcTag<Sgtin> sgtin198(Sgtin sgtin, int filter, int companyPrefixLength) {
    return new EpcTag<>(TagEncoding.SGTIN_198, sgtin, filter, companyPrefixLength);
  }

  /** An SSCC-96 tag. */
  public static EpcTag<Sscc> sscc96(Sscc sscc, int filter, int companyPrefixLength) {
    return new EpcTag<>(TagEncoding.SSCC_96, sscc, filter, companyPrefixLength);
  }

  /**
   * True when the serial can go into SGTIN-96: only then may a line choose the shorter encoding,
   * otherwise it must use SGTIN-198.
   */
  public static boolean fitsSgtin96(SerialNumber serial) {
    try {
      requireSgtin96Serial(serial.value());
      return true;
    } catch (Gs1Exception e) {
      return false;
    }
  }

  /** The encoded tag, {@link TagEncoding#byteLength()} bytes. */
  public byte[] toBytes() {
    Bits bits = Bits.forWriting(encoding.byteLength() * 8);
    bits.write(encoding.header(), 8).write(filter, 3).write(12 - companyPrefixLength, 3);
    if (identifier instanceof Sgtin sgtin) {
      Partition p = Partition.sgtin(12 - companyPrefixLength);
      String gtin = sgtin.gtin().value();
      bits.write(Long.parseLong(gtin.substring(1, 1 + companyPrefixLength)), p.companyPrefixBits);
      bits.write(
          Long.parseLong(gtin.charAt(0) + gtin.substring(1 + companyPrefixLength, 13)),
          p.referenceBits);
      String serial = sgtin.serial().value();
      if (encoding == TagEncoding.SGTIN_96) {
        bits.write(Long.parseLong(serial), 38);
      } else {
        for (int i = 0; i < SGTIN198_SERIAL_CHARS; i++) {
          bits.write(i < serial.length() ? serial.charAt(i) : 0, 7);
        }
      }
    } else {
      Partition p = Partition.sscc(12 - companyPrefixLength);
      String sscc = ((Sscc) identifier).value();
      bits.write(Long.parseLong(sscc.substring(1, 1 + companyPrefixLength)), p.companyPrefixBits);
      bits.write(
          Long.parseLong(sscc.charAt(0) + sscc.substring(1 + companyPrefixLength, 17)),
          p.referenceBits);
      bits.write(0, 24);
    }
    return bits.toByteArray();
  }

  /** The encoded tag as upper-case hex, as RFID readers and printers exchange it. */
  public String toHex() {
    byte[] bytes = toBytes();
    StringBuilder hex = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      hex.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
      hex.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
    return hex.toString();
  }

  /**
   * The EPC tag URI, e.g. {@code urn:epc:tag:sgtin-96:3.0614141.812345.6789}: the pure identity
   * fields preceded by the filter, which is what distinguishes it from the pure identity URI.
   */
  public String toTagUri() {
    String pure = toPureIdentityUri();
    String fields = pure.substring(pure.indexOf(':', "urn:epc:id:".length()) + 1);
    return "urn:epc:tag:" + encoding.uriName() + ":" + filter + "." + fields;
  }

  /** The pure identity URI ({@code urn:epc:id:sgtin:…} or {@code urn:epc:id:sscc:…}). */
  public String toPureIdentityUri() {
    return identifier instanceof Sgtin sgtin
        ? sgtin.toEpcUri(companyPrefixLength)
        : ((Sscc) identifier).toEpcUri(companyPrefixLength);
  }

  /**
   * Decodes hex read from a tag's EPC memory bank.
   *
   * @throws Gs1Exception with rule {@code hex}, {@code header}, {@code bit-length}, {@code
   *     partition}, {@code decimal-range}, {@code reserved}, {@code padding}, {@code
   *     sgtin198-serial} or {@code cset82}
   */
  public static EpcTag<?> decode(String hex) {
    return decode(parseHex(hex));
  }

  /** Decodes the bytes of a tag's EPC memory bank. */
  public static EpcTag<?> decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new Gs1Exception("EPC", "", "bit-length", "No bits to decode");
    }
    TagEncoding encoding = TagEncoding.byHeader(bytes[0] & 0xFF);
    String shown = hex(bytes);
    if (encoding == null) {
      throw new Gs1Exception(
          "EPC",
          shown,
          "header",
          String.format("Header 0x%02X is not SGTIN-96, SGTIN-198 or SSCC-96", bytes[0] & 0xFF));
    }
    String type = encoding.uriName();
    if (bytes.length != encoding.byteLength() && bytes.length != (encoding.bitLength() + 7) / 8) {
      throw new Gs1Exception(
          type,
          shown,
          "bit-length",
          type + " needs " + encoding.byteLength() + " bytes, not " + bytes.length);
    }
    Bits bits = Bits.forReading(bytes);
    bits.read(8);
    int filter = (int) bits.read(3);
    int partitionValue = (int) bits.read(3);
    if (partitionValue > 6) {
      throw new Gs1Exception(type, shown, "partition", "Partition value 7 is not defined");
    }
    EpcTag<?> tag;
    if (encoding == TagEncoding.SSCC_96) {
      Partition p = Partition.sscc(partitionValue);
      String cp = decimal(bits.read(p.companyPrefixBits), p.companyPrefixDigits, type, shown);
      String ref = decimal(bits.read(p.referenceBits), p.referenceDigits, type, shown);
      if (bits.read(24) != 0) {
        throw new Gs1Exception(
            type, shown, "reserved", "The 24 reserved bits of SSCC-96 must be zero");
      }
      Sscc sscc = Sscc.fromDigitsWithoutCheckDigit(ref.charAt(0) + cp + ref.substring(1));
      tag = sscc96(sscc, filter, p.companyPrefixDigits);
    } else {
      Partition p = Partition.sgtin(partitionValue);
      String cp = decimal(bits.read(p.companyPrefixBits), p.companyPrefixDigits, type, shown);
      String ref = decimal(bits.read(p.referenceBits), p.referenceDigits, type, shown);
      Gtin gtin = Gtin.fromDigitsWithoutCheckDigit(ref.charAt(0) + cp + ref.substring(1));
      String serial =
          encoding == TagEncoding.SGTIN_96
              ? Long.toString(bits.read(38))
              : readSgtin198Serial(bits, shown);
      tag =
          new EpcTag<>(
              encoding, new Sgtin(gtin, new SerialNumber(serial)), filter, p.companyPrefixDigits);
    }
    if (!bits.restIsZero()) {
      throw new Gs1Exception(type, shown, "padding", "The padding bits after the EPC must be zero");
    }
    return tag;
  }

  /** Decodes hex that must hold an SGTIN (SGTIN-96 or SGTIN-198). */
  @SuppressWarnings("unchecked")
  public static EpcTag<Sgtin> decodeSgtin(String hex) {
    EpcTag<?> tag = decode(hex);
    if (!(tag.identifier() instanceof Sgtin)) {
      throw new Gs1Exception(
          "EPC", hex, "header", "Expected an SGTIN tag, found " + tag.toTagUri());
    }
    return (EpcTag<Sgtin>) tag;
  }

  /** Decodes hex that must hold an SSCC-96. */
  @SuppressWarnings("unchecked")
  public static EpcTag<Sscc> decodeSscc(String hex) {
    EpcTag<?> tag = decode(hex);
    if (!(tag.identifier() instanceof Sscc)) {
      throw new Gs1Exception("EPC", hex, "header", "Expected an SSCC tag, found " + tag.toTagUri());
    }
    return (EpcTag<Sscc>) tag;
  }

  /**
   * Parses an EPC tag URI ({@code urn:epc:tag:sgtin-96:F.CP.IR.Serial}, {@code sgtin-198}, {@code
   * sscc-96}); the fields after the filter are read as the pure identity URI would be.
   */
  public static EpcTag<?> parseTagUri(String uri) {
    String prefix = "urn:epc:tag:";
    if (uri == null || !uri.startsWith(prefix) || uri.indexOf(':', prefix.length()) < 0) {
      throw new Gs1Exception("EPC", uri, "epc-scheme", "Not an EPC tag URI: " + uri);
    }
    int colon = uri.indexOf(':', prefix.length());
    TagEncoding encoding = TagEncoding.byUriName(uri.substring(prefix.length(), colon));
    if (encoding == null) {
      throw new Gs1Exception(
          "EPC", uri, "epc-scheme", "Not an sgtin-96, sgtin-198 or sscc-96 tag URI: " + uri);
    }
    String rest = uri.substring(colon + 1);
    if (rest.length() < 2
        || rest.charAt(1) != '.'
        || rest.charAt(0) < '0'
        || rest.charAt(0) > '7') {
      throw new Gs1Exception(
          encoding.uriName(),
          uri,
          "filter",
          "A tag URI must start with a filter digit 0..7: " + uri);
    }
    int filter = rest.charAt(0) - '0';
    String fields = rest.substring(2);
    if (encoding == TagEncoding.SSCC_96) {
      ParsedEpcUri<Sscc> parsed = EpcUris.parseSscc("urn:epc:id:sscc:" + fields);
      return sscc96(parsed.identifier(), filter, parsed.companyPrefixLength());
    }
    ParsedEpcUri<Sgtin> parsed = EpcUris.parseSgtin("urn:epc:id:sgtin:" + fields);
    return new EpcTag<>(encoding, parsed.identifier(), filter, parsed.companyPrefixLength());
  }

  private static void requireSgtin96Serial(String serial) {
    boolean ok =
        serial.length() <= 12
            && CharacterSets.isDigits(serial)
            && (serial.length() == 1 || serial.charAt(0) != '0')
            && Long.parseLong(serial) <= SGTIN96_MAX_SERIAL;
    if (!ok) {
      throw new Gs1Exception(
          "21",
          serial,
          "sgtin96-serial",
          "SGTIN-96 holds only numeric serials 0 to "
              + SGTIN96_MAX_SERIAL
              + " without leading zeros; use SGTIN-198 for '"
              + serial
              + "'");
    }
  }

  private static String readSgtin198Serial(Bits bits, String shown) {
    StringBuilder serial = new StringBuilder();
    boolean ended = false;
    for (int i = 0; i < SGTIN198_SERIAL_CHARS; i++) {
      char c = (char) bits.read(7);
      if (c == 0) {
        ended = true;
      } else if (ended) {
        throw new Gs1Exception(
            "sgtin-198", shown, "sgtin198-serial", "Serial characters follow the terminating zero");
      } else if (!CharacterSets.isCset82(String.valueOf(c))) {
        throw new Gs1Exception(
            "sgtin-198",
            shown,
            "cset82",
            String.format("Serial character 0x%02X is outside GS1 character set 82", (int) c));
      } else {
        serial.append(c);
      }
    }
    if (serial.length() == 0) {
      throw new Gs1Exception("sgtin-198", shown, "sgtin198-serial", "The serial is empty");
    }
    return serial.toString();
  }

  private static String decimal(long value, int digits, String type, String shown) {
    String s = Long.toString(value);
    if (s.length() > digits) {
      throw new Gs1Exception(
          type,
          shown,
          "decimal-range",
          "Field value " + value + " does not fit the " + digits + " digits its partition allows");
    }
    return "0".repeat(digits - s.length()) + s;
  }

  private static byte[] parseHex(String hex) {
    if (hex == null || hex.isEmpty() || hex.length() % 2 != 0) {
      throw new Gs1Exception(
          "EPC", hex, "hex", "Need an even, non-zero number of hex digits: " + hex);
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      int d = c < 128 ? Character.digit(c, 16) : -1;
      if (d < 0) {
        throw new Gs1Exception(
            "EPC", hex, "hex", "Not a hex digit at position " + (i + 1) + ": '" + c + "'");
      }
      bytes[i / 2] |= (byte) (i % 2 == 0 ? d << 4 : d);
    }
    return bytes;
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02X", b & 0xFF));
    }
    return s.toString();
  }
}
