/** What the application sees of a packaging line: outbound commands, inbound events, value types. */
package org.custodia.line.api;
