package org.custodia.epcis.infrastructure.xml;

/**
 * The two EPCIS XML bindings Custodia speaks. EPCIS 2.0 is the one we store; 1.2 is still what
 * DSCSA trading partners exchange, so it is read and written too. The version is recognised by the
 * namespace of the root element, not by the {@code schemaVersion} attribute, because the namespace
 * is what decides the element layout.
 */
public enum EpcisXmlVersion {
  V1_2("urn:epcglobal:epcis:xsd:1", "1.2", "1.2/EPCglobal-epcis-1_2.xsd"),
  V2_0("urn:epcglobal:epcis:xsd:2", "2.0", "2.0/EPCglobal-epcis-2_0.xsd");

  private final String namespace;
  private final String schemaVersion;
  private final String schemaResource;

  EpcisXmlVersion(String namespace, String schemaVersion, String schemaResource) {
    this.namespace = namespace;
    this.schemaVersion = schemaVersion;
    this.schemaResource = schemaResource;
  }

  /** The target namespace of the EPCIS document schema. */
  public String namespace() {
    return namespace;
  }

  /** The value written to the {@code schemaVersion} attribute. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** The bundled XSD, relative to {@code org/custodia/epcis/xsd/}. */
  String schemaResource() {
    return schemaResource;
  }

  /** The version whose namespace is {@code uri}, or {@code null}. */
  public static EpcisXmlVersion ofNamespace(String uri) {
    for (EpcisXmlVersion v : values()) {
      if (v.namespace.equals(uri)) {
        return v;
      }
    }
    return null;
  }
}
