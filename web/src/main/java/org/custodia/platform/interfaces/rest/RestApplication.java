package org.custodia.platform.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /custodia/api}. */
@ApplicationPath("/api")
public class RestApplication extends Application {}
