/** How verifications are logged. */
package org.custodia.verification.infrastructure;
