/** GS1 barcodes rendered as PNG and SVG images, and read back from photos and camera frames. */
package org.custodia.label;
