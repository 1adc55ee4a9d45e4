/** How the EPCIS repository reads and writes documents, queues and tables. */
package org.custodia.epcis.infrastructure;
