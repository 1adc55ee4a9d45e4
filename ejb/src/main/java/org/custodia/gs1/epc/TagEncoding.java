package org.custodia.gs1.epc;

/**
 * The EPC binary encodings we write to and read from RFID tags, with their TDS header byte and the
 * number of bytes they occupy in the EPC memory bank (a whole number of 16-bit words; SGTIN-198 is
 * padded with zero bits from 198 to 208).
 */
public enum TagEncoding {
  SGTIN_96(0x30, "sgtin-96", 96, 12),
  SGTIN_198(0x36, "sgtin-198", 198, 26),
  SSCC_96(0x31, "sscc-96", 96, 12);

  private final int header;
  private final String uriName;
  private final int bitLength;
  private final int byteLength;

  TagEncoding(int header, String uriName, int bitLength, int byteLength) {
    this.header = header;
    this.uriName = uriName;
    this.bitLength = bitLength;
    this.byteLength = byteLength;
  }

  /** The 8-bit header that starts the binary encoding. */
  public int header() {
    return header;
  }

  /** The scheme name in the EPC tag URI, e.g. {@code sgtin-96}. */
  public String uriName() {
    return uriName;
  }

  /** The number of significant bits. */
  public int bitLength() {
    return bitLength;
  }

  /** The number of bytes written, padded to a 16-bit word boundary. */
  public int byteLength() {
    return byteLength;
  }

  static TagEncoding byHeader(int header) {
    for (TagEncoding e : values()) {
      if (e.header == header) {
        return e;
      }
    }
    return null;
  }

  static TagEncoding byUriName(String name) {
    for (TagEncoding e : values()) {
      if (e.uriName.equals(name)) {
        return e;
      }
    }
    return null;
  }
}
