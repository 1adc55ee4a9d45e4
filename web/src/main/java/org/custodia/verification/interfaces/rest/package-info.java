/** The REST endpoints of verification: the GS1 lightweight verification responder and the internal verification API. */
package org.custodia.verification.interfaces.rest;
