/** Verifying a product identifier against the repository's current state, logging it and raising anomalies. */
package org.custodia.verification.application;
