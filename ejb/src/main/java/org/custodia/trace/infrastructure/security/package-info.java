/** Re-authentication of a signing user against the server's Elytron security domain (AUD-2). */
package org.custodia.trace.infrastructure.security;
