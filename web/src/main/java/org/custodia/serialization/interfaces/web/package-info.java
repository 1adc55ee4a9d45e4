/** The serial pool screen: listing, opening and drawing from serial pools in the browser. */
package org.custodia.serialization.interfaces.web;
