/** EPCIS 2.0 and 1.2 XML read and written as streams of EPCIS 2.0 JSON-LD events. */
package org.custodia.epcis.infrastructure.xml;
