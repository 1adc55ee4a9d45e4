package org.custodia.line.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.Element;
import org.custodia.gs1.ai.ElementString;

/**
 * Label data per market and packaging level (LBL-3), built and checked with the GS1 library.
 *
 * <p>Units carry (01) GTIN, (17) expiry, (10) lot, (21) serial in a GS1 DataMatrix; cases and pallets the
 * (00) SSCC in GS1-128. The human-readable text, per market:
 *
 * <ul>
 *   <li>US — DSCSA product identifier; FDA guidance "Product Identifiers under the DSCSA — Questions and
 *       Answers" (2021): the NDC, serial, lot and expiry printed in human-readable form, labelled "NDC",
 *       "SN", "LOT", "EXP". Assumption: the expiry as YYYY-MM-DD (the guidance's recommended form), YYYY-MM
 *       when the day is 00.
 *   <li>EU — FMD, Delegated Regulation (EU) 2016/161 art. 7: the product code, serial (and national
 *       reimbursement number where a member state requires one — not modelled yet) labelled "PC:", "SN:"
 *       ("NN:"); batch and expiry as Directive 2001/83/EC art. 54 requires them, labelled here "Lot:" and
 *       "Exp:". Assumption: the expiry as MM/YYYY, the common practice on EU packs (the directive sets no
 *       format).
 * </ul>
 *
 * Case and pallet labels add the SSCC and the homogeneous content (product, lot, expiry, count) in the
 * same market's words.
 */
public final class MarketLabels {

  private MarketLabels() {}

  /**
   * The unit label.
   *
   * @param ndc the product's NDC (required for the US; ignored elsewhere)
   */
  public static LabelData unit(Market market, Gtin gtin, LotNumber lot, ExpiryDate expiry, SerialNumber serial,
      String ndc) {
    ElementString es = ElementString.of(new Element("01", gtin.value()), new Element("17", expiry.value()),
        new Element("10", lot.value()), new Element("21", serial.value()));
    List<String> text = new ArrayList<>();
    switch (market) {
      case US -> {
        text.add("NDC " + requireNdc(ndc, gtin));
        text.add("SN " + serial.value());
        text.add("LOT " + lot.value());
        text.add("EXP " + usDate(expiry));
      }
      case EU -> {
        text.add("PC: " + gtin.value());
        text.add("SN: " + serial.value());
        text.add("Lot: " + lot.value());
        text.add("Exp: " + euDate(expiry));
      }
      default -> throw new IllegalArgumentException("no unit label for market " + market);
    }
    return new LabelData(PackagingLevel.UNIT, market, "DATA_MATRIX", es.toBracketed(), es.toBarcodeMessage(), text);
  }

  /** A case label: the SSCC, and the units it holds. */
  public static LabelData caseLabel(Market market, Sscc sscc, Gtin gtin, LotNumber lot, ExpiryDate expiry,
      int units, String ndc) {
    return logistic(PackagingLevel.CASE, market, sscc, gtin, lot, expiry, units, ndc);
  }

  /** A pallet label: the SSCC, and the units on it (all cases of one product, lot and expiry). */
  public static LabelData palletLabel(Market market, Sscc sscc, Gtin gtin, LotNumber lot, ExpiryDate expiry,
      int units, String ndc) {
    return logistic(PackagingLevel.PALLET, market, sscc, gtin, lot, expiry, units, ndc);
  }

  private static LabelData logistic(PackagingLevel level, Market market, Sscc sscc, Gtin gtin, LotNumber lot,
      ExpiryDate expiry, int units, String ndc) {
    if (units < 1) {
      throw new IllegalArgumentException("a " + level + " label needs at least one unit, was " + units);
    }
    ElementString es = ElementString.of(new Element("00", sscc.value()));
    List<String> text = new ArrayList<>();
    switch (market) {
      case US -> {
        text.add("SSCC " + sscc.value());
        text.add("NDC " + requireNdc(ndc, gtin));
        text.add("LOT " + lot.value());
        text.add("EXP " + usDate(expiry));
        text.add("QTY " + units);
      }
      case EU -> {
        text.add("SSCC: " + sscc.value());
        text.add("PC: " + gtin.value());
        text.add("Lot: " + lot.value());
        text.add("Exp: " + euDate(expiry));
        text.add("Qty: " + units);
      }
      default -> throw new IllegalArgumentException("no " + level + " label for market " + market);
    }
    return new LabelData(level, market, "GS1_128", es.toBracketed(), es.toBarcodeMessage(), text);
  }

  private static String requireNdc(String ndc, Gtin gtin) {
    if (ndc == null || ndc.isBlank()) {
      throw new IllegalArgumentException("a US label needs the NDC of GTIN " + gtin.value());
    }
    return ndc;
  }

  static String usDate(ExpiryDate expiry) {
    LocalDate d = expiry.toLocalDate();
    String ym = String.format("%04d-%02d", d.getYear(), d.getMonthValue());
    return expiry.value().endsWith("00") ? ym : ym + String.format("-%02d", d.getDayOfMonth());
  }

  static String euDate(ExpiryDate expiry) {
    LocalDate d = expiry.toLocalDate();
    return String.format("%02d/%04d", d.getMonthValue(), d.getYear());
  }
}
