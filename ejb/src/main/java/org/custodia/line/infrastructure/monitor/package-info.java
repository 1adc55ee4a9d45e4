/** What the lines are doing right now, kept in memory for the operator dashboard and signalled to it (UI-1, UI-3). */
package org.custodia.line.infrastructure.monitor;
