package org.custodia.epcis.infrastructure.xml;

/**
 * Bounds on what one XML document may ask of the reader (SEC-3). EPCIS documents are flat: events
 * sit at depth 4 and user extensions rarely go more than a few levels deeper, so anything beyond
 * these limits is an attack or a broken sender, and is refused before it costs memory.
 *
 * @param maxDepth deepest element nesting accepted; the root element is depth 1
 * @param maxTextLength longest text content of a single element, in characters
 * @param maxAttributes most attributes on a single element
 */
public record XmlLimits(int maxDepth, int maxTextLength, int maxAttributes) {

  /** 64 levels, 64 KiB of text per element, 64 attributes per element. */
  public static final XmlLimits DEFAULT = new XmlLimits(64, 64 * 1024, 64);

  public XmlLimits {
    if (maxDepth < 8 || maxTextLength < 1 || maxAttributes < 1) {
      throw new IllegalArgumentException("limits too small for an EPCIS document");
    }
  }
}
