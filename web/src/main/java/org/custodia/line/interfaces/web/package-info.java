/** The operator line dashboard: one live screen per packaging line (UI-1, UI-3). */
package org.custodia.line.interfaces.web;
