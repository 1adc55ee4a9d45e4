/** The EPCIS event browser screen: filter, page through and open stored events and their hierarchy. */
package org.custodia.epcis.interfaces.web;
