/** The recall scope as CSV and PDF reports (RCL-3, AUD-3). */
package org.custodia.trace.infrastructure.report;
