/** JDBC access to the verification_log table (migration V13). */
package org.custodia.verification.infrastructure.persistence;
