package org.custodia.line.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Label data per market and packaging level (LBL-3, MKT-1). */
@Tag("LBL-3")
@Tag("MKT-1")
class MarketLabelsTest {

  static final Gtin GTIN = Gtin.of("09506000134352");
  static final LotNumber LOT = LotNumber.of("ABC123");
  static final ExpiryDate EXPIRY = ExpiryDate.of("281231");
  static final SerialNumber SERIAL = SerialNumber.of("000123456789");
  static final Sscc SSCC = Sscc.fromDigitsWithoutCheckDigit("09506000000000001");

  @Test
  void usUnitLabelCarriesTheFourAisAndNdcSnLotExp() {
    // when
    LabelData l = MarketLabels.unit(Market.US, GTIN, LOT, EXPIRY, SERIAL, "99999-134-52");

    // then
    assertEquals(PackagingLevel.UNIT, l.level());
    assertEquals("DATA_MATRIX", l.symbology());
    assertEquals("(01)09506000134352(17)281231(10)ABC123(21)000123456789", l.elementString());
    assertEquals(List.of("NDC 99999-134-52", "SN 000123456789", "LOT ABC123", "EXP 2028-12-31"), l.humanReadable());
  }

  @Test
  void euUnitLabelCarriesPcSnLotExp() {
    LabelData l = MarketLabels.unit(Market.EU, GTIN, LOT, EXPIRY, SERIAL, null);
    assertEquals("(01)09506000134352(17)281231(10)ABC123(21)000123456789", l.elementString());
    assertEquals(List.of("PC: 09506000134352", "SN: 000123456789", "Lot: ABC123", "Exp: 12/2028"), l.humanReadable());
  }

  @Test
  void barcodeDataIsFnc1FirstWithGsAfterTheVariableLengthLotAndParsesBack() {
    // when
    LabelData l = MarketLabels.unit(Market.EU, GTIN, LOT, EXPIRY, SERIAL, null);

    // then
    assertEquals(ElementString.GS + "0109506000134352172812311" + "0ABC123" + ElementString.GS + "21000123456789",
        l.barcodeData());
    assertEquals(l.elementString(), ElementStrings.parse(l.barcodeData()).toBracketed());
  }

  @Test
  void usExpiryWithDayZeroShowsYearAndMonth() {
    LabelData l = MarketLabels.unit(Market.US, GTIN, LOT, ExpiryDate.of("290200"), SERIAL, "99999-134-52");
    assertEquals("EXP 2029-02", l.humanReadable().get(3));
    assertEquals("(01)09506000134352(17)290200(10)ABC123(21)000123456789", l.elementString());
  }

  @Test
  void usLabelWithoutNdcIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> MarketLabels.unit(Market.US, GTIN, LOT, EXPIRY, SERIAL, null));
  }

  @Test
  void caseAndPalletLabelsCarryTheSsccAndTheirContent() {
    // when
    LabelData us = MarketLabels.caseLabel(Market.US, SSCC, GTIN, LOT, EXPIRY, 12, "99999-134-52");
    LabelData eu = MarketLabels.palletLabel(Market.EU, SSCC, GTIN, LOT, EXPIRY, 480, null);

    // then
    assertEquals(PackagingLevel.CASE, us.level());
    assertEquals("GS1_128", us.symbology());
    assertEquals("(00)" + SSCC.value(), us.elementString());
    assertEquals(List.of("SSCC " + SSCC.value(), "NDC 99999-134-52", "LOT ABC123", "EXP 2028-12-31", "QTY 12"),
        us.humanReadable());
    assertEquals(PackagingLevel.PALLET, eu.level());
    assertEquals("(00)" + SSCC.value(), eu.elementString());
    assertEquals(List.of("SSCC: " + SSCC.value(), "PC: 09506000134352", "Lot: ABC123", "Exp: 12/2028", "Qty: 480"),
        eu.humanReadable());
    assertThrows(IllegalArgumentException.class,
        () -> MarketLabels.caseLabel(Market.EU, SSCC, GTIN, LOT, EXPIRY, 0, null));
  }
}
