package org.custodia.masterdata.domain;

import java.util.Objects;
import java.util.regex.Pattern;
import org.custodia.gs1.Gtin;

/**
 * A trade item's master data as regulators and trading partners ask for it; today the attributes of the
 * EPCIS EPCClass vocabulary that a DSCSA file carries (GS1 US healthcare guideline: NDC, regulated
 * product name, manufacturer, dosage form, strength, net content). Other markets add their own
 * attributes beside these.
 *
 * @param gtin the GTIN-14
 * @param ndc the US National Drug Code in its hyphenated 10-digit (4-4-2, 5-3-2, 5-4-1) or 11-digit
 *     (5-4-2) form, or {@code null} for a product not sold in the US
 * @param regulatedProductName the name on the label the regulator approved
 * @param manufacturerName the name of the manufacturer of the trade item
 * @param dosageFormType dosage form, e.g. {@code TABLET}, or {@code null}
 * @param strengthDescription strength, e.g. {@code 100 mg}, or {@code null}
 * @param netContentDescription net content, e.g. {@code 30 tablets}, or {@code null}
 */
public record Product(
    Gtin gtin,
    String ndc,
    String regulatedProductName,
    String manufacturerName,
    String dosageFormType,
    String strengthDescription,
    String netContentDescription) {

  private static final Pattern NDC =
      Pattern.compile("\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d{1,2}");

  public Product {
    Objects.requireNonNull(gtin, "gtin");
    ndc = MasterDataException.optional("ndc", ndc, 20);
    if (ndc != null && !NDC.matcher(ndc).matches()) {
      throw MasterDataException.invalid("ndc", ndc,
          "field \"ndc\" must be a hyphenated NDC (4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits), was \"" + ndc + "\"");
    }
    regulatedProductName = MasterDataException.required("regulatedProductName", regulatedProductName, 200);
    manufacturerName = MasterDataException.required("manufacturerName", manufacturerName, 200);
    dosageFormType = MasterDataException.optional("dosageFormType", dosageFormType, 100);
    strengthDescription = MasterDataException.optional("strengthDescription", strengthDescription, 100);
    netContentDescription = MasterDataException.optional("netContentDescription", netContentDescription, 100);
  }
}
