/** The trace and recall services: role checks, signatures, the recall run and its audit records. */
package org.custodia.trace.application;
