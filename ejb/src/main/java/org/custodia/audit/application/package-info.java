/** Writing audit records. */
package org.custodia.audit.application;
