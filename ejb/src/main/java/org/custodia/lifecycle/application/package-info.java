/** Pack and batch state changes (LIFE-1 decommissioning handoffs, LIFE-2) inside the server. */
package org.custodia.lifecycle.application;
