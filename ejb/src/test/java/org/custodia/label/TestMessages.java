package org.custodia.label;

import java.util.List;

/**
 * GS1 messages in unbracketed form, with GS (0x1D) after variable-length values that are not last.
 */
final class TestMessages {

  static final String GS = "\u001D";

  /** GTIN and expiry date: fixed-length AIs only, so no separator. */
  static final String FIXED_LENGTH_ONLY = "0109506000134352" + "17281231";

  /** GTIN, expiry, lot, serial: one separator after the lot. */
  static final String WITH_SEPARATOR =
      "0109506000134352" + "17281231" + "10ABC123" + GS + "21SN001";

  /** A serial made of every CSET 82 punctuation character but one, 20 characters in all. */
  static final String CSET_82_PUNCTUATION = "0109506000134352" + "21" + "%!\"&'()*+,-./:;<=>?_";

  /** Upper case, digits and '%' only: GS1 QR Code can then use alphanumeric mode. */
  static final String PERCENT_AND_SEPARATOR = "0109506000134352" + "10AB%CD" + GS + "2112%34";

  /** Lower case forces byte mode in QR Code; the separator follows a lot with '/' and '-'. */
  static final String LOWER_CASE_WITH_SEPARATOR = "0109506000134352" + "10lot-a/1" + GS + "21xY7!z";

  /** Ends in letters after a '-': ZXing's compact DataMatrix encoder ends it in EDIFACT wrongly. */
  static final String LOT_ENDING_IN_LETTERS = "0109506000134352" + "10LOT-2028/12-ABCDEFGH";

  /** Its GS1-128 check character has the value of FNC1, which ZXing's reader mistakes for data. */
  static final String CHECK_CHARACTER_IS_FNC1 =
      "0109506000134352" + "17281231" + "10ABC123" + GS + "21SN00000093";

  /** GTIN and a serial of the maximum 20 characters: 38 characters, within GS1-128's 48. */
  static final String MAX_LENGTH_SERIAL = "0109506000134352" + "21" + "ABCDEFGHIJabcdefghij";

  /** GTIN, expiry, a 20-character lot and a 20-character serial: too long for GS1-128. */
  static final String MAX_LENGTH_LOT_AND_SERIAL =
      "0109506000134352"
          + "17281231"
          + "10"
          + "LOT-2028/12-ABCDEFGH"
          + GS
          + "21"
          + "Zz9%&'()*+,-./:;<=>?";

  static final List<String> ALL =
      List.of(
          FIXED_LENGTH_ONLY,
          WITH_SEPARATOR,
          CSET_82_PUNCTUATION,
          PERCENT_AND_SEPARATOR,
          LOWER_CASE_WITH_SEPARATOR,
          LOT_ENDING_IN_LETTERS,
          CHECK_CHARACTER_IS_FNC1,
          MAX_LENGTH_SERIAL,
          MAX_LENGTH_LOT_AND_SERIAL);

  private TestMessages() {}
}
