package org.custodia.platform.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs an authenticated caller (HTTP Basic over TLS for the realm users, or a bearer token
 * where OIDC is configured). The servlet layer authenticates credentials when they are sent but does not
 * demand them on /api (a demand there would answer with the UI's login page); this filter answers 401 with
 * a Basic challenge instead.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() != null) {
      return;
    }
    request.abortWith(
        Response.fromResponse(
                new ProblemDocument(401, "unauthenticated", "Unauthorized",
                        "this API needs credentials: HTTP Basic over TLS, or a bearer token", null, null, null, null)
                    .toResponse())
            .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Custodia\"")
            .build());
  }
}
