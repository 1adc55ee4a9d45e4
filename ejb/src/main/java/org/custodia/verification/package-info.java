/** Product verification (VER-1), the GS1 lightweight verification responder (VER-2) and verification anomalies (VER-3). */
package org.custodia.verification;
