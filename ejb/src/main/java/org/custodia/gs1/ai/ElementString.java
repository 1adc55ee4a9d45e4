package org.custodia.gs1.ai;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custodia.gs1.Gs1Exception;

/**
 * A valid GS1 element string: the ordered AIs and values that one or more GS1 barcodes on an item
 * carry. It can only be obtained through {@link ElementStrings#parse(String)} or {@link #of(List)},
 * both of which check every syntax dictionary rule, so holding one means the data may be printed or
 * trusted. It renders itself in the three forms the system meets: bracketed human-readable text,
 * raw data with GS separators, and the message given to a barcode encoder.
 */
public final class ElementString {

  /** ASCII group separator, the character FNC1 separators become in transmitted data. */
  public static final char GS = '\u001D';

  private final Element[] elements;

  ElementString(Element[] elements) {
    this.elements = elements;
  }

  /**
   * Checks {@code elements} against every rule (format, linters, associations, exclusions,
   * duplicates) and returns them as an element string. Exact duplicates are kept once.
   *
   * @throws Gs1Exception for the first broken rule
   */
  public static ElementString of(List<Element> elements) {
    return ElementStrings.validate(elements);
  }

  /** As {@link #of(List)}. */
  public static ElementString of(Element... elements) {
    return ElementStrings.validate(Arrays.asList(elements));
  }

  /** The elements in order. */
  public List<Element> elements() {
    return List.of(elements);
  }

  public int size() {
    return elements.length;
  }

  /** The value of {@code ai}, if present. */
  public Optional<String> value(String ai) {
    for (Element e : elements) {
      if (e.ai().equals(ai)) {
        return Optional.of(e.value());
      }
    }
    return Optional.empty();
  }

  public boolean contains(String ai) {
    return value(ai).isPresent();
  }

  /**
   * The date carried by a date AI such as (17) expiry, day 00 meaning the month's last day; see
   * {@link Gs1Dates#toLocalDate(String, String)}.
   */
  public Optional<LocalDate> date(String ai) {
    return value(ai).map(v -> Gs1Dates.toLocalDate(ai, v));
  }

  /**
   * Bracketed form, e.g. {@code (01)09506000134352(17)281231(10)ABC}. A {@code (} inside a value is
   * written {@code \(} so that the text parses back unchanged; see {@link #toHumanReadable()} for
   * label text.
   */
  public String toBracketed() {
    StringBuilder sb = new StringBuilder(64);
    for (Element e : elements) {
      sb.append('(').append(e.ai()).append(')');
      String v = e.value();
      if (v.indexOf('(') < 0) {
        sb.append(v);
      } else {
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (c == '(') {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /** The human-readable interpretation printed under a barcode: bracketed, without escapes. */
  public String toHumanReadable() {
    StringBuilder sb = new StringBuilder(64);
    for (Element e : elements) {
      sb.append('(').append(e.ai()).append(')').append(e.value());
    }
    return sb.toString();
  }

  /**
   * Raw data as a scanner transmits it after its symbology identifier: AIs and values concatenated,
   * a GS (0x1D) after every element that is not of pre-defined length unless it is the last, no
   * leading FNC1.
   */
  public String toUnbracketed() {
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < elements.length; i++) {
      Element e = elements[i];
      sb.append(e.ai()).append(e.value());
      if (i < elements.length - 1 && SyntaxDictionary.definition(e.ai()).needsFnc1()) {
        sb.append(GS);
      }
    }
    return sb.toString();
  }

  /**
   * The message for a barcode encoder: FNC1 in first position followed by {@link #toUnbracketed()},
   * every FNC1 written as GS (0x1D), the convention of encoders such as ZXing's GS1 DataMatrix and
   * Code 128 writers.
   */
  public String toBarcodeMessage() {
    return GS + toUnbracketed();
  }

  /** What a scanner sends for this data in a symbology, e.g. {@code toScanData("]d2")}. */
  public String toScanData(String symbologyIdentifier) {
    return symbologyIdentifier + toUnbracketed();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElementString && Arrays.equals(elements, ((ElementString) o).elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    return toBracketed();
  }
}
