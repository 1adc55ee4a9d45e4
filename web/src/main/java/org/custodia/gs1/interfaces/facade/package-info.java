/** What the GS1 REST API and the code inspector screen share: reading input of any form into DTOs. */
package org.custodia.gs1.interfaces.facade;
