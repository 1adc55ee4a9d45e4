/** The audit trail: who did what, when, with what outcome; append-only and hash-chained. */
package org.custodia.audit;
