/** The master data screens: the trading partner list and editor. */
package org.custodia.masterdata.interfaces.web;
