/**
 * The GS1 CBV 2.0 event hash ID: a fingerprint of an EPCIS event that is the same whichever syntax,
 * field order or identifier form a partner used, so that a re-sent event is recognised.
 */
package org.custodia.epcis.infrastructure.hash;
