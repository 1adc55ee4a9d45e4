/**
 * Checks a captured EPCIS 2.0 JSON-LD document against the GS1 JSON schema and each event against
 * the rules the schema cannot express (CBV values, GS1 keys, time zones, namespaces, quantities).
 */
package org.custodia.epcis.infrastructure.validation;
