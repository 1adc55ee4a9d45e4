/** The trace screen and the recall workspace (UI-2). */
package org.custodia.trace.interfaces.web;
