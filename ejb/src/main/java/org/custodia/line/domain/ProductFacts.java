package org.custodia.line.domain;

import org.custodia.gs1.Gtin;

/**
 * What a work order needs to know of its product from master data: that the GTIN is known, and the data
 * elements some markets print beside the GS1 ones (the US NDC).
 *
 * @param ndc the hyphenated NDC, or null when the product has none
 */
public record ProductFacts(Gtin gtin, String ndc) {}
