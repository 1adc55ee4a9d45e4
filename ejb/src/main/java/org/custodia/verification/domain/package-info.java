/** The verification verdict, its reasons and their GS1 lightweight messaging codes, and the anomaly rules. */
package org.custodia.verification.domain;
