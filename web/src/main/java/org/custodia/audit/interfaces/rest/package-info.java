/** REST API of the audit trail (read only). */
package org.custodia.audit.interfaces.rest;
