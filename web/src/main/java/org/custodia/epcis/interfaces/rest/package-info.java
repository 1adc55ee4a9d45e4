/** The EPCIS 2.0 REST binding (first cut: reading one event). */
package org.custodia.epcis.interfaces.rest;
