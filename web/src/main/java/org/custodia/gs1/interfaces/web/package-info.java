/**
 * The code inspector screen: what a scanned or photographed GS1 code says and what is wrong with
 * it.
 */
package org.custodia.gs1.interfaces.web;
