/** What the OQ tests share: the real EAR as the deployment, an HTTPS client for the API, unique test data. */
package org.custodia.validation.support;
