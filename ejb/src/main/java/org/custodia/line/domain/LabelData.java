package org.custodia.line.domain;

import java.util.List;

/**
 * What a printer needs for one label (LBL-3): the GS1 element string to encode, and the human-readable
 * text the market prescribes beside the barcode.
 *
 * @param level unit, case or pallet
 * @param market whose human-readable rules the text follows
 * @param symbology {@code DATA_MATRIX} for units (GS1 DataMatrix, FNC1 first), {@code GS1_128} for the
 *     SSCC of cases and pallets
 * @param elementString the bracketed element string, e.g. {@code (01)09506000134352(17)281231(10)L1(21)7}
 * @param barcodeData the encoder's message: FNC1 (written as GS, 0x1D) first, GS after each element of
 *     variable length except the last
 * @param humanReadable the text lines, in print order
 */
public record LabelData(PackagingLevel level, Market market, String symbology, String elementString,
    String barcodeData, List<String> humanReadable) {

  public LabelData {
    humanReadable = List.copyOf(humanReadable);
  }
}
