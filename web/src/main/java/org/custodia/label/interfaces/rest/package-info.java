/** REST API for GS1 barcodes: render as PNG or SVG, read uploaded images back. */
package org.custodia.label.interfaces.rest;
