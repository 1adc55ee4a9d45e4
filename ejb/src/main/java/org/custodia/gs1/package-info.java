/** GS1 identifiers as value objects that cannot hold an invalid value, and the check-digit rule they share. */
package org.custodia.gs1;
