/** EPCIS 2.0 JSON-LD documents to and from the repository's own types. */
package org.custodia.epcis.infrastructure.json;
